// SPDX-License-Identifier: MIT
/*
 * kernel/early_console.c: the console, a 16550 UART on COM1.
 *
 * Interface: arch_console_write() (<anvil/arch.h>), used by printk from
 * any context, and serial_irq_init() (asm/setup.h). The chip driver is
 * generic (drivers/serial/uart16550.c); this file only says where the
 * chip is: I/O port 0x3f8, 1.8432 MHz clock, 115200 baud 8N1, ISA IRQ
 * 4. QEMU's -serial mon:stdio connects it to the terminal, both ways.
 *
 * Input: the UART raises IRQ 4 when received bytes wait; the IOAPIC
 * sends that to the boot CPU (kernel/io_apic.c, kernel/irq.c), and the
 * handler hands every waiting byte to the console's tty
 * (console_receive(), drivers/tty/n_tty.c), which does the rest: echo,
 * line editing, ^C.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/tty.h>
#include <anvil/uart16550.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/setup.h>

#define COM1_BASE 0x3f8
#define COM1_CLOCK 1843200
#define COM1_IRQ 4
#define CONSOLE_BAUD 115200

static unsigned int port_serial_in(struct uart_port *p, int offset)
{
	return inb(p->iobase + offset);
}

static void port_serial_out(struct uart_port *p, int offset,
			    unsigned int value)
{
	outb(p->iobase + offset, value);
}

static struct uart_port com1 = {
	.iobase = COM1_BASE,
	.uartclk = COM1_CLOCK,
	.serial_in = port_serial_in,
	.serial_out = port_serial_out,
};

static bool console_ready;

/* Program COM1. setup_arch() calls it first; printk may beat it to it. */
void early_console_init(void)
{
	uart16550_init(&com1, CONSOLE_BAUD);
	console_ready = true;
}

void arch_console_write(const char *s, size_t n)
{
	if (!console_ready)
		early_console_init();
	uart16550_write(&com1, s, n);
}

/* IRQ 4: drain the FIFO (it may hold 16 bytes) into the tty. */
static void serial_rx_interrupt(void)
{
	char buf[16];
	size_t n;

	while ((n = uart16550_read(&com1, buf, sizeof(buf))))
		console_receive(buf, n);
}

/*
 * Turn on COM1's receive interrupt; from then on the console can be
 * read. Boot CPU, interrupts still off, after io_apic_init(). Without
 * a UART or an IOAPIC the console stays output-only, and reading it
 * gives end-of-file.
 */
void serial_irq_init(void)
{
	int err;

	if (!com1.present)
		return;
	err = request_isa_irq(COM1_IRQ, serial_rx_interrupt);
	if (err) {
		pr_warn("serial: no interrupt for COM1 (%d); console input off\n",
			err);
		return;
	}
	uart16550_enable_rx_irq(&com1);
	console_input_attach();
	/* What was typed before now raises no interrupt: take it here. */
	serial_rx_interrupt();
}
