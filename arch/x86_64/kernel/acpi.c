// SPDX-License-Identifier: MIT
/*
 * kernel/acpi.c: finding CPUs and timers in the ACPI tables.
 *
 * Interface: acpi_set_rsdp(), acpi_boot_init() and acpi_info
 * (asm/acpi.h, which also draws the table tree). We only read static
 * tables, never AML. From the MADT we count CPUs and give their APIC ids
 * to kernel/smpboot.c (x86_register_cpu), and note the IOAPIC and the
 * ISA interrupt source overrides for kernel/io_apic.c; from the HPET table
 * we take the timer's address, from the FADT the power-off port; MCFG's
 * presence tells q35 from the older i440fx machine.
 *
 * The tables live in firmware memory (type 2 "reserved" on QEMU, at
 * 0x1ffe0000 with -m 512M) that the direct map will not cover, so this
 * runs early and reads them through head.asm's 4 GiB boot window.
 */
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <asm/acpi.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/smp.h>

struct acpi_boot_info acpi_info;

static struct acpi_rsdp rsdp;
static bool have_rsdp;

struct acpi_table_madt {
	struct acpi_table_header header;
	u32 lapic_address;
	u32 flags;
	/* variable-length entries follow: u8 type, u8 length, ... */
} __packed;

#define MADT_LAPIC 0		/* u8 uid, u8 apic_id, u32 flags */
#define MADT_IOAPIC 1		/* u8 id, u8 0, u32 address, u32 gsi_base */
#define MADT_ISO 2		/* u8 bus (0 = ISA), u8 irq, u32 gsi, u16 flags */
#define MADT_X2APIC 9		/* u16 reserved, u32 id, u32 flags, u32 uid */
#define MADT_ENABLED (1U << 0)

struct acpi_table_hpet {
	struct acpi_table_header header;
	u32 block_id;
	u8 space_id;		/* Generic Address Structure: 0 = memory */
	u8 bit_width, bit_offset, access_width;
	u64 address;
	u8 sequence;
	u16 min_tick;
	u8 page_protection;
} __packed;

#define FADT_PM1A_CNT_OFFSET 64	/* u32 I/O port, in every FADT version */

void acpi_set_rsdp(const void *p, size_t len)
{
	memcpy(&rsdp, p, min(len, sizeof(rsdp)));
	have_rsdp = true;
}

static bool acpi_checksum_ok(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

/* A table at @pa, or NULL if it is out of reach or its sum is wrong. */
static const struct acpi_table_header *acpi_map_table(phys_addr_t pa)
{
	const struct acpi_table_header *h = __va(pa);

	if (!pa || pa + sizeof(*h) > BOOT_MAP_SIZE ||
	    pa + h->length > BOOT_MAP_SIZE || h->length < sizeof(*h))
		return NULL;
	if (!acpi_checksum_ok(h, h->length)) {
		pr_warn("ACPI: %.4s at %#llx has a bad checksum, ignored\n",
			h->signature, (unsigned long long)pa);
		return NULL;
	}
	return h;
}

/* The XSDT if the RSDP (rev 2+) has one, else the RSDT. */
static const struct acpi_table_header *acpi_root(unsigned int *entry_size)
{
	if (rsdp.revision >= 2 && rsdp.xsdt_address) {
		*entry_size = 8;
		return acpi_map_table(rsdp.xsdt_address);
	}
	*entry_size = 4;
	return acpi_map_table(rsdp.rsdt_address);
}

/* The @i-th table the root points at (the pointers may be unaligned). */
static const struct acpi_table_header *
acpi_root_entry(const struct acpi_table_header *root, unsigned int esize,
		unsigned int i)
{
	u64 pa = 0;

	memcpy(&pa, (const u8 *)(root + 1) + i * esize, esize);
	return acpi_map_table(pa);
}

/*
 * The first IOAPIC: a PC has one for the 24 GSIs that include the ISA
 * IRQs (q35: id 0 at 0xfec00000, GSI base 0). A second one would serve
 * GSIs no device anvil drives uses, so it is only mentioned.
 */
static void acpi_parse_ioapic(const u8 *p)
{
	u32 addr, gsi_base;

	memcpy(&addr, p + 4, 4);
	memcpy(&gsi_base, p + 8, 4);
	if (acpi_info.ioapic_addr) {
		pr_info("ACPI: IOAPIC id %u at %#x (GSI %u) not used\n", p[2],
			addr, gsi_base);
		return;
	}
	acpi_info.ioapic_id = p[2];
	acpi_info.ioapic_addr = addr;
	acpi_info.ioapic_gsi_base = gsi_base;
}

/*
 * An interrupt source override: ISA IRQ p[3] is wired to another GSI or
 * with another polarity or trigger than ISA's (q35: IRQ 0 -> GSI 2, and
 * the PCI-shared IRQs 5, 9, 10, 11 level triggered).
 */
static void acpi_parse_iso(const u8 *p)
{
	struct acpi_isa_override *o;
	u16 flags;
	u32 gsi;

	if (p[2] != 0 || p[3] >= NR_ISA_IRQS)
		return;		/* only the ISA bus exists */
	memcpy(&gsi, p + 4, 4);
	memcpy(&flags, p + 8, 2);
	o = &acpi_info.isa_override[p[3]];
	o->present = true;
	o->gsi = gsi;
	o->flags = flags;
}

/*
 * Count the enabled CPUs and hand their APIC ids to kernel/smpboot.c;
 * note the IOAPIC and the ISA overrides.
 */
static void acpi_parse_madt(const struct acpi_table_madt *madt)
{
	const u8 *p = (const u8 *)(madt + 1);
	const u8 *end = (const u8 *)madt + madt->header.length;
	u32 flags, apic_id;

	acpi_info.lapic_addr = madt->lapic_address;
	for (; p + 2 <= end && p[1] >= 2; p += p[1]) {
		if (p + p[1] > end)
			break;
		if (p[0] == MADT_IOAPIC && p[1] >= 12) {
			acpi_parse_ioapic(p);
			continue;
		}
		if (p[0] == MADT_ISO && p[1] >= 10) {
			acpi_parse_iso(p);
			continue;
		}
		if (p[0] == MADT_LAPIC && p[1] >= 8) {
			apic_id = p[3];
			memcpy(&flags, p + 4, 4);
		} else if (p[0] == MADT_X2APIC && p[1] >= 12) {
			memcpy(&apic_id, p + 4, 4);
			memcpy(&flags, p + 8, 4);
		} else {
			continue;
		}
		/* Not "online capable" (hot-plug) CPUs: only enabled ones. */
		if (flags & MADT_ENABLED) {
			acpi_info.nr_cpus++;
			x86_register_cpu(apic_id);
		}
	}
}

static void acpi_parse_table(const struct acpi_table_header *h)
{
	if (!memcmp(h->signature, "APIC", 4)) {
		acpi_parse_madt((const void *)h);
	} else if (!memcmp(h->signature, "HPET", 4)) {
		const struct acpi_table_hpet *hpet = (const void *)h;

		if (hpet->space_id == 0)
			acpi_info.hpet_addr = hpet->address;
	} else if (!memcmp(h->signature, "FACP", 4)) {
		u32 port;

		if (h->length >= FADT_PM1A_CNT_OFFSET + 4) {
			memcpy(&port, (const u8 *)h + FADT_PM1A_CNT_OFFSET, 4);
			acpi_info.pm1a_cnt_port = port;
		}
	} else if (!memcmp(h->signature, "MCFG", 4)) {
		acpi_info.has_mcfg = true;
	}
}

/*
 * Walk the root table and read what we need. Boot CPU, early (before
 * init_mem_mapping(), while the boot window is still mapped). Without
 * ACPI, acpi_info stays zero and callers fall back.
 */
void acpi_boot_init(void)
{
	const struct acpi_table_header *root;
	unsigned int esize, n;
	char sigs[128] = "";
	size_t len = 0;

	if (!have_rsdp || memcmp(rsdp.signature, "RSD PTR ", 8)) {
		pr_warn("ACPI: no RSDP from the boot loader\n");
		return;
	}
	memcpy(acpi_info.oem_id, rsdp.oem_id, 6);
	root = acpi_root(&esize);
	if (!root) {
		pr_warn("ACPI: root table unreadable\n");
		return;
	}
	memcpy(acpi_info.oem_table_id, root->oem_table_id, 8);
	n = (root->length - sizeof(*root)) / esize;
	for (unsigned int i = 0; i < n; i++) {
		const struct acpi_table_header *h =
			acpi_root_entry(root, esize, i);

		if (!h)
			continue;
		if (len + 6 < sizeof(sigs))
			len += snprintf(sigs + len, sizeof(sigs) - len, " %.4s",
					h->signature);
		acpi_parse_table(h);
	}
	pr_info("ACPI: RSDP rev %u, OEM \"%s\", %s with%s\n", rsdp.revision,
		acpi_info.oem_id, esize == 8 ? "XSDT" : "RSDT", sigs);
}
