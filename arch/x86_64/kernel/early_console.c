// SPDX-License-Identifier: MIT
/*
 * kernel/early_console.c: the console, a 16550 UART on COM1.
 *
 * Interface: arch_console_write() (<anvil/arch.h>), used by printk from
 * any context. The chip driver is generic (drivers/serial/uart16550.c);
 * this file only says where the chip is: I/O port 0x3f8, 1.8432 MHz
 * clock, 115200 baud 8N1. QEMU's -serial mon:stdio connects it to the
 * terminal.
 */
#include <anvil/arch.h>
#include <anvil/uart16550.h>
#include <asm/io.h>

#define COM1_BASE 0x3f8
#define COM1_CLOCK 1843200
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
