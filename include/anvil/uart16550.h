/* SPDX-License-Identifier: MIT */
/*
 * The 16550 UART, the PC's serial port (drivers/serial/uart16550.c).
 *
 * The driver knows the chip's registers but not how they are reached:
 * the arch fills in serial_in/serial_out (x86 uses I/O ports, another
 * machine might use MMIO), like Linux's struct uart_port. Output is
 * polled, so it works with interrupts off, in an exception, in panic.
 * Input may be polled (uart16550_getc) or taken in the arch's interrupt
 * handler (uart16550_enable_rx_irq, then uart16550_read there).
 *
 *	static struct uart_port com1 = {
 *		.iobase = 0x3f8, .uartclk = 1843200,
 *		.serial_in = my_inb, .serial_out = my_outb,
 *	};
 *	uart16550_init(&com1, 115200);
 *	uart16550_write(&com1, "hello\n", 6);
 */
#ifndef ANVIL_UART16550_H
#define ANVIL_UART16550_H

#include <anvil/types.h>

struct uart_port {
	unsigned long iobase;		/* port number or MMIO address */
	unsigned int uartclk;		/* input clock, Hz (1843200 on a PC) */
	unsigned int (*serial_in)(struct uart_port *port, int offset);
	void (*serial_out)(struct uart_port *port, int offset,
			   unsigned int value);
	bool present;			/* set by uart16550_init */
	/* Received before uart16550_init, kept for uart16550_read. */
	unsigned char early_rx[64];
	unsigned int early_rx_len, early_rx_pos;
};

/*
 * Program @port for @baud, 8 data bits, no parity, 1 stop bit, FIFOs on,
 * interrupts off. Returns false (and leaves the port unused) if no UART
 * answers at that address. Bytes already received (typed while firmware
 * ran) are kept, up to 64, for uart16550_read().
 */
bool uart16550_init(struct uart_port *port, unsigned int baud);
/* Write @n bytes, turning "\n" into "\r\n". Silently drops if absent. */
void uart16550_write(struct uart_port *port, const char *s, size_t n);
void uart16550_putc(struct uart_port *port, char c);
/* A received byte, or -1 if none is waiting. */
int uart16550_getc(struct uart_port *port);
/*
 * Raise the chip's interrupt line when received data is waiting (IER bit
 * 0); routing that line to a CPU is the arch's business.
 */
void uart16550_enable_rx_irq(struct uart_port *port);
/*
 * Move up to @max waiting bytes into @buf, until the chip has no more
 * (that is what ends its receive interrupt). Returns how many. Any
 * context; meant for the receive interrupt handler.
 */
size_t uart16550_read(struct uart_port *port, char *buf, size_t max);

#endif /* ANVIL_UART16550_H */
