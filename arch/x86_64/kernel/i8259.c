// SPDX-License-Identifier: MIT
/*
 * kernel/i8259.c: the legacy 8259A interrupt controllers, switched off.
 *
 * Interface: legacy_pic_disable() (asm/i8259.h). PCs still have the two
 * cascaded 8259s of the original IBM PC (master: ports 0x20/0x21, slave:
 * 0xa0/0xa1). anvil uses the LAPIC (and later the IOAPIC) instead, so
 * it masks every 8259 line. It first moves their vectors from the BIOS
 * default 0x08-0x0f, which collide with CPU exceptions (a spurious IRQ 7
 * would look like vector 15), to 0x20-0x2f.
 */
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>

#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_DATA 0x21
#define PIC_SLAVE_CMD 0xa0
#define PIC_SLAVE_DATA 0xa1

#define ICW1_INIT 0x11		/* edge triggered, cascade, ICW4 follows */
#define ICW4_8086 0x01

void legacy_pic_disable(void)
{
	/* The init sequence: ICW1 on the command port, ICW2-4 on data. */
	outb(PIC_MASTER_CMD, ICW1_INIT);
	io_delay();
	outb(PIC_SLAVE_CMD, ICW1_INIT);
	io_delay();
	outb(PIC_MASTER_DATA, ISA_IRQ_VECTOR(0));	/* ICW2: vector base */
	io_delay();
	outb(PIC_SLAVE_DATA, ISA_IRQ_VECTOR(8));
	io_delay();
	outb(PIC_MASTER_DATA, 1 << 2);	/* ICW3: slave on master's IRQ 2 */
	io_delay();
	outb(PIC_SLAVE_DATA, 2);	/* ICW3: slave's cascade identity */
	io_delay();
	outb(PIC_MASTER_DATA, ICW4_8086);
	io_delay();
	outb(PIC_SLAVE_DATA, ICW4_8086);
	io_delay();

	outb(PIC_MASTER_DATA, 0xff);	/* OCW1: mask all eight lines */
	outb(PIC_SLAVE_DATA, 0xff);
}
