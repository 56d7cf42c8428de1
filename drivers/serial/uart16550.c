// SPDX-License-Identifier: MIT
/*
 * drivers/serial/uart16550.c: polled driver for the 16550 UART.
 *
 * Interface: <anvil/uart16550.h>. The arch decides where the registers
 * are (struct uart_port's accessors); x86_64's console on COM1 is in
 * arch/x86_64/kernel/early_console.c. Output is polled. Input can be
 * interrupt driven: uart16550_enable_rx_irq() turns on the "received
 * data available" interrupt, and the handler (the arch routes the line,
 * x86_64 through the IOAPIC) drains the chip with uart16550_read().
 *
 * The registers, by offset from the base (DLAB = LCR bit 7):
 *
 *   0  RBR (read) / THR (write)    DLL when DLAB=1 (divisor low)
 *   1  IER  interrupt enable       DLM when DLAB=1 (divisor high)
 *   2  IIR (read) / FCR (write)    FIFO control
 *   3  LCR  line control: word length, parity, stop bits, DLAB
 *   4  MCR  modem control: DTR, RTS, OUT2 (gates the IRQ line on a PC)
 *   5  LSR  line status: data ready (bit 0), THR empty (bit 5)
 *   7  SCR  scratch: any value written reads back, if a UART is there
 */
#include <anvil/uart16550.h>

#define UART_RX 0
#define UART_TX 0
#define UART_DLL 0
#define UART_IER 1
#define  UART_IER_RDI 0x01		/* received data available (or timeout) */
#define UART_DLM 1
#define UART_FCR 2
#define  UART_FCR_ENABLE 0x01
#define  UART_FCR_CLEAR 0x06		/* clear both FIFOs */
#define  UART_FCR_TRIGGER_14 0xc0	/* rx interrupt at 14 bytes */
#define UART_LCR 3
#define  UART_LCR_WLEN8 0x03
#define  UART_LCR_DLAB 0x80
#define UART_MCR 4
#define  UART_MCR_DTR 0x01
#define  UART_MCR_RTS 0x02
#define  UART_MCR_OUT2 0x08
#define UART_LSR 5
#define  UART_LSR_DR 0x01		/* a byte is waiting */
#define  UART_LSR_THRE 0x20		/* transmit holding register empty */
#define UART_SCR 7

/*
 * How long to wait for the transmitter before giving up on a byte. A
 * wedged or missing UART must not hang a panic message forever; at
 * 115200 baud a byte takes ~87 us, far less than this many polls.
 */
#define TX_SPIN_LIMIT 1000000

static unsigned int serial_in(struct uart_port *p, int off)
{
	return p->serial_in(p, off);
}

static void serial_out(struct uart_port *p, int off, unsigned int v)
{
	p->serial_out(p, off, v);
}

/* Is something there? The scratch register remembers what we write. */
static bool uart16550_probe(struct uart_port *p)
{
	serial_out(p, UART_SCR, 0x5a);
	if (serial_in(p, UART_SCR) != 0x5a)
		return false;
	serial_out(p, UART_SCR, 0xa5);
	return serial_in(p, UART_SCR) == 0xa5;
}

/*
 * Keep what the chip holds now. Turning the FIFO on (below) empties it,
 * and these may be the first keys someone typed, or the start of input
 * piped into QEMU. Reading the receive register also matters there:
 * QEMU holds further input back (in -serial mon:stdio's multiplexer)
 * until the guest reads it, so emptying the FIFO without reading would
 * leave the rest of that input stuck for good.
 */
static void uart16550_keep_rx(struct uart_port *p)
{
	while (p->early_rx_len < sizeof(p->early_rx) &&
	       (serial_in(p, UART_LSR) & UART_LSR_DR))
		p->early_rx[p->early_rx_len++] = serial_in(p, UART_RX);
}

bool uart16550_init(struct uart_port *p, unsigned int baud)
{
	unsigned int divisor = p->uartclk / (16 * baud);

	p->present = uart16550_probe(p);
	if (!p->present)
		return false;
	uart16550_keep_rx(p);
	serial_out(p, UART_IER, 0);
	serial_out(p, UART_LCR, UART_LCR_DLAB);
	serial_out(p, UART_DLL, divisor & 0xff);
	serial_out(p, UART_DLM, (divisor >> 8) & 0xff);
	serial_out(p, UART_LCR, UART_LCR_WLEN8);	/* 8N1, DLAB off */
	serial_out(p, UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR |
				 UART_FCR_TRIGGER_14);
	serial_out(p, UART_MCR, UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2);
	/*
	 * As Linux's 8250 driver does after its FIFO reset, read the
	 * status and receive registers once more: what came meanwhile is
	 * kept, and the empty read tells QEMU there is room again.
	 */
	uart16550_keep_rx(p);
	serial_in(p, UART_LSR);
	serial_in(p, UART_RX);
	return true;
}

void uart16550_putc(struct uart_port *p, char c)
{
	for (int i = 0; i < TX_SPIN_LIMIT; i++)
		if (serial_in(p, UART_LSR) & UART_LSR_THRE)
			break;
	serial_out(p, UART_TX, (unsigned char)c);
}

void uart16550_write(struct uart_port *p, const char *s, size_t n)
{
	if (!p->present)
		return;
	for (size_t i = 0; i < n; i++) {
		/* A terminal needs a carriage return to go back to column 0. */
		if (s[i] == '\n')
			uart16550_putc(p, '\r');
		uart16550_putc(p, s[i]);
	}
}

int uart16550_getc(struct uart_port *p)
{
	if (!p->present || !(serial_in(p, UART_LSR) & UART_LSR_DR))
		return -1;
	return serial_in(p, UART_RX);
}

void uart16550_enable_rx_irq(struct uart_port *p)
{
	if (!p->present)
		return;
	serial_out(p, UART_IER, UART_IER_RDI);
}

/*
 * Take every byte the chip holds, after any kept from before
 * uart16550_init() (the receive interrupt's handler is the only
 * reader, so they need no lock). With the FIFO's trigger level at 14,
 * one interrupt may stand for up to 16 bytes (or fewer, after the
 * receive timeout of four character times), and the interrupt only
 * ends once the FIFO is empty: so loop on "data ready" rather than
 * reading one byte per interrupt. Reading LSR also clears any error
 * bits (overrun, framing) it latched.
 */
size_t uart16550_read(struct uart_port *p, char *buf, size_t max)
{
	size_t n = 0;

	if (!p->present)
		return 0;
	while (n < max && p->early_rx_pos < p->early_rx_len)
		buf[n++] = (char)p->early_rx[p->early_rx_pos++];
	while (n < max && (serial_in(p, UART_LSR) & UART_LSR_DR))
		buf[n++] = (char)serial_in(p, UART_RX);
	return n;
}
