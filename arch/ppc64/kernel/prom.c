// SPDX-License-Identifier: MIT
/*
 * prom.c: read the device tree skiboot passed in r3, once, at boot.
 *
 * early_init_devtree() fills:
 *   memblock       every /memory range (memblock_add), and reservations
 *                  for what is in use: the tree's reservation block and
 *                  /reserved-memory (skiboot's code, heap, stacks), OPAL's
 *                  runtime, the kernel image, the tree itself, the initrd,
 *                  and the first 64 KiB (exception vectors, skiboot's flag)
 *   boot_params    cmdline (/chosen/bootargs), initrd (/chosen
 *                  linux,initrd-start/end), nr_cpus (threads of /cpus),
 *                  machine (root "model"), loader
 *   ppc_tb_freq    /cpus/<cpu>/timebase-frequency
 *   cpu_pirs       every thread's PIR (ibm,ppc-interrupt-server#s)
 *   icps           each thread's XICS interrupt presenter (IPIs)
 *   opal_ipmi_interface  how OPAL reaches the BMC (/ibm,opal/ipmi)
 * The tree is parsed with lib/fdt.c; a corrupt tree or one without memory
 * stops the boot with a message.
 *
 * Reservations are clipped to RAM: skiboot also lists firmware areas far
 * above the end of RAM (its HOMER and OCC images), which memblock need
 * not know about.
 */
#include <anvil/arch.h>
#include <anvil/boot.h>
#include <anvil/fdt.h>
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <asm/opal.h>
#include <asm/page.h>
#include <asm/prom.h>
#include <asm/vmlinux.lds.h>

/* A device tree bigger than this is taken as corrupt. */
#define FDT_MAX_SIZE (1UL << 20)
#define LOW_RESERVED_SIZE 0x10000UL

struct ram_range ram_ranges[MAX_RAM_RANGES];
unsigned int nr_ram_ranges;
u64 ppc_tb_freq;
u32 cpu_pirs[MAX_CPUS];
unsigned int nr_cpu_pirs;

/* XICS presenters: thread (server number = PIR) -> physical address. */
static struct {
	u32 pir;
	u64 phys;
} icps[MAX_CPUS];
static unsigned int nr_icps;

static char machine_name[64];
extern char _end[];

static __noreturn void bad_devtree(const void *fdt, const char *why)
{
	pr_emerg("ppc64: device tree at %lx: %s; cannot boot\n",
		 (unsigned long)__pa(fdt), why);
	machine_halt();
}

/* Reserve the part of [base, base + size) that lies in RAM. */
static void reserve_in_ram(phys_addr_t base, u64 size)
{
	unsigned int i;

	for (i = 0; i < nr_ram_ranges; i++) {
		phys_addr_t lo = max(base, ram_ranges[i].base);
		phys_addr_t hi = min(base + size,
				     ram_ranges[i].base + ram_ranges[i].size);

		if (lo < hi)
			memblock_reserve(lo, hi - lo);
	}
}

/*
 * Call @fn for each (address, size) pair of @node's "reg", decoded with
 * the cells of @parent. Returns the number of pairs, or -1 if malformed.
 */
static int for_each_reg(const void *fdt, int parent, int node,
			void (*fn)(phys_addr_t base, u64 size))
{
	int ac = fdt_address_cells(fdt, parent);
	int sc = fdt_size_cells(fdt, parent);
	int len, n = 0;
	const u8 *reg = fdt_getprop(fdt, node, "reg", &len);

	if (!reg || ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return -1;
	for (; len >= (ac + sc) * 4; len -= (ac + sc) * 4, n++) {
		fn(fdt_read_number(reg, ac), fdt_read_number(reg + ac * 4, sc));
		reg += (ac + sc) * 4;
	}
	return n;
}

static void add_ram(phys_addr_t base, u64 size)
{
	if (!size)
		return;
	if (nr_ram_ranges == MAX_RAM_RANGES) {
		pr_warn("ppc64: more than %d memory ranges; ignoring %llx+%llx\n",
			MAX_RAM_RANGES, (unsigned long long)base,
			(unsigned long long)size);
		return;
	}
	ram_ranges[nr_ram_ranges].base = base;
	ram_ranges[nr_ram_ranges].size = size;
	nr_ram_ranges++;
	memblock_add(base, size);
}

/* /memory@... nodes (device_type "memory") -> memblock_add. */
static void scan_memory(const void *fdt)
{
	int root = fdt_root(fdt), node;

	fdt_for_each_subnode(node, fdt, root) {
		const char *type = fdt_getprop_string(fdt, node, "device_type");

		if (!fdt_node_name_eq(fdt, node, "memory") &&
		    !(type && strcmp(type, "memory") == 0))
			continue;
		if (for_each_reg(fdt, root, node, add_ram) < 0)
			bad_devtree(fdt, "a /memory node has a bad \"reg\"");
	}
	if (!nr_ram_ranges)
		bad_devtree(fdt, "no /memory node");
}

/* The reservation block and /reserved-memory children. */
static void scan_firmware_reservations(const void *fdt)
{
	int node, rmem = fdt_path_offset(fdt, "/reserved-memory");
	u64 base, size;
	int i;

	for (i = 0; fdt_get_mem_rsv(fdt, i, &base, &size) == 0; i++)
		reserve_in_ram(base, size);
	if (rmem < 0)
		return;
	fdt_for_each_subnode(node, fdt, rmem)
		for_each_reg(fdt, rmem, node, reserve_in_ram);
}

/*
 * OPAL's runtime image (/ibm,opal opal-base-address + opal-runtime-size)
 * and its IPMI interface to the BMC (/ibm,opal/ipmi).
 */
static void scan_opal(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/ibm,opal/ipmi");
	u64 base, size;
	u32 id;

	if (node >= 0 &&
	    fdt_getprop_u32(fdt, node, "ibm,ipmi-interface-id", &id) == 0)
		opal_ipmi_interface = id;
	node = fdt_path_offset(fdt, "/ibm,opal");

	if (node < 0 ||
	    fdt_getprop_u64(fdt, node, "opal-base-address", &base) < 0 ||
	    fdt_getprop_u64(fdt, node, "opal-runtime-size", &size) < 0) {
		pr_warn("ppc64: no OPAL runtime range in the device tree\n");
		return;
	}
	reserve_in_ram(base, size);
}

/* /chosen: the command line and the initrd. */
static void scan_chosen(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen");
	const char *args;
	u64 start, end;

	if (node < 0)
		return;
	args = fdt_getprop_string(fdt, node, "bootargs");
	if (args)
		strlcpy(boot_params.cmdline, args, COMMAND_LINE_SIZE);
	if (fdt_getprop_u64(fdt, node, "linux,initrd-start", &start) < 0 ||
	    fdt_getprop_u64(fdt, node, "linux,initrd-end", &end) < 0 ||
	    end <= start)
		return;
	boot_params.initrd_start = start;
	boot_params.initrd_size = end - start;
	reserve_in_ram(start, end - start);
}

/* Record the PIR of each thread of one core node. */
static unsigned int scan_threads(const void *fdt, int node)
{
	int len, i;
	const u8 *ids = fdt_getprop(fdt, node, "ibm,ppc-interrupt-server#s",
				    &len);

	if (!ids || len < 4) {
		ids = fdt_getprop(fdt, node, "reg", &len);
		if (!ids || len < 4)
			return 1;
		len = 4;
	}
	for (i = 0; i + 4 <= len && nr_cpu_pirs < MAX_CPUS; i += 4)
		cpu_pirs[nr_cpu_pirs++] = fdt32_ld(ids + i);
	return (unsigned int)len / 4;
}

/* /cpus: count hardware threads, and find the timebase frequency. */
static void scan_cpus(const void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node;
	unsigned int threads = 0;

	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop_string(fdt, node, "device_type");

		if (!type || strcmp(type, "cpu") != 0)
			continue;
		/* One core node lists the PIR of each of its threads. */
		threads += scan_threads(fdt, node);
		if (!ppc_tb_freq)
			fdt_getprop_u64(fdt, node, "timebase-frequency",
					&ppc_tb_freq);
	}
	boot_params.nr_cpus = threads ? threads : 1;
	if (!ppc_tb_freq) {
		pr_warn("ppc64: no timebase-frequency; assuming 512 MHz\n");
		ppc_tb_freq = 512000000;
	}
}

/*
 * XICS presenters: root nodes compatible with "IBM,ppc-xicp" (upper-case
 * IBM, as skiboot writes it). Each covers the servers (threads) in
 * ibm,interrupt-server-ranges = <first count>, with one reg entry each.
 */
static void scan_icps(const void *fdt)
{
	int root = fdt_root(fdt), node, len;
	int ac = fdt_address_cells(fdt, root), sc = fdt_size_cells(fdt, root);
	u32 first, count, i;
	const u8 *range, *reg;

	fdt_for_each_subnode(node, fdt, root) {
		if (!fdt_stringlist_contains(fdt, node, "compatible",
					     "IBM,ppc-xicp"))
			continue;
		range = fdt_getprop(fdt, node, "ibm,interrupt-server-ranges",
				    &len);
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!range || !reg || ac < 1 || ac > 2 || sc < 1 || sc > 2)
			continue;
		first = fdt32_ld(range);
		count = fdt32_ld(range + 4);
		for (i = 0; i < count && nr_icps < MAX_CPUS &&
			    (int)((i + 1) * (ac + sc) * 4) <= len; i++) {
			icps[nr_icps].pir = first + i;
			icps[nr_icps].phys =
				fdt_read_number(reg + i * (ac + sc) * 4, ac);
			nr_icps++;
		}
	}
}

u64 icp_phys_of(u32 pir)
{
	unsigned int i;

	for (i = 0; i < nr_icps; i++)
		if (icps[i].pir == pir)
			return icps[i].phys;
	return 0;
}

/* The root's "model", else its first "compatible" string. */
static void scan_machine(const void *fdt)
{
	int root = fdt_root(fdt);
	const char *name = fdt_getprop_string(fdt, root, "model");

	if (!name)
		name = fdt_getprop_string(fdt, root, "compatible");
	/* A copy: nothing keeps the tree's memory forever. */
	strlcpy(machine_name, name ? name : "PowerNV", sizeof(machine_name));
	boot_params.machine = machine_name;
}

void early_init_devtree(void *fdt)
{
	int err = fdt_check(fdt, FDT_MAX_SIZE);

	if (err)
		bad_devtree(fdt, fdt_strerror(err));
	boot_params.loader = "skiboot";
	scan_memory(fdt);
	scan_machine(fdt);
	scan_chosen(fdt);
	scan_cpus(fdt);
	scan_icps(fdt);
	scan_firmware_reservations(fdt);
	scan_opal(fdt);
	reserve_in_ram(0, LOW_RESERVED_SIZE);
	reserve_in_ram(KERNEL_LOAD_PHYS, __pa(_end) - KERNEL_LOAD_PHYS);
	reserve_in_ram(__pa(fdt), fdt_totalsize(fdt));
}
