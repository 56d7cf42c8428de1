// SPDX-License-Identifier: MIT
/*
 * tests/host/memblock_test.c: the boot memory map (mm/memblock.c) on
 * the host: merging, free-range accounting, where memblock_alloc()
 * places blocks, and the panics when it cannot.
 */
#include <string.h>

#include <anvil/boot.h>
#include <anvil/kernel.h>

#include "../../mm/internal.h"
#include "host.h"

#define ARENA (SZ_1G + 64 * SZ_1M)

static void reset(void)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock.retired = false;
}

static bool region_is(const struct memblock_type *t, unsigned int i,
		      phys_addr_t base, u64 size)
{
	return i < t->cnt && t->regions[i].base == base &&
	       t->regions[i].size == size;
}

static void add_merges_touching_and_overlapping(void)
{
	reset();
	memblock_add(0x3000, 0x1000);
	memblock_add(0x1000, 0x1000);
	CHECK_EQ(memblock.memory.cnt, 2);
	CHECK(region_is(&memblock.memory, 0, 0x1000, 0x1000));
	memblock_add(0x2000, 0x1000);	/* fills the gap: one region */
	CHECK_EQ(memblock.memory.cnt, 1);
	CHECK(region_is(&memblock.memory, 0, 0x1000, 0x3000));
	memblock_add(0x3800, 0x1000);		/* overlaps the end */
	CHECK(region_is(&memblock.memory, 0, 0x1000, 0x3800));
	memblock_add(0x1800, 0x100);		/* inside: no change */
	CHECK(region_is(&memblock.memory, 0, 0x1000, 0x3800));
	memblock_add(0, 0x10);			/* before, apart */
	CHECK_EQ(memblock.memory.cnt, 2);
	CHECK(region_is(&memblock.memory, 0, 0, 0x10));
	memblock_add(0x100000, 0);		/* empty: ignored */
	CHECK_EQ(memblock.memory.cnt, 2);
	CHECK_EQ(memblock_total(), 0x3810);
	CHECK_EQ(memblock_end(), 0x4800);
}

static void free_bytes_subtract_reservations(void)
{
	reset();
	memblock_add(SZ_1M, 8 * SZ_1M);
	memblock_reserve(2 * SZ_1M, SZ_1M);
	memblock_reserve(2 * SZ_1M + SZ_1M / 2, 3 * SZ_1M / 2);
	CHECK_EQ(memblock.reserved.cnt, 1);
	CHECK(region_is(&memblock.reserved, 0, 2 * SZ_1M, 2 * SZ_1M));
	CHECK_EQ(memblock_free_bytes(), 6 * SZ_1M);
	memblock_reserve(20 * SZ_1M, SZ_1M);	/* outside RAM: no effect */
	memblock_reserve(0, SZ_1M + 4096);	/* straddles RAM's start */
	CHECK_EQ(memblock_free_bytes(), 6 * SZ_1M - 4096);
	CHECK_EQ(memblock_total(), 8 * SZ_1M);
	CHECK_EQ(memblock_end(), 9 * SZ_1M);
}

static void alloc_is_bottom_up_above_1m(void)
{
	phys_addr_t a, b, c;
	u64 before;

	reset();
	memblock_add(0, 640 * SZ_1K);
	memblock_add(SZ_1M, SZ_1G);
	memblock_reserve(SZ_1M, 2 * SZ_1M);
	memset(__va(3 * SZ_1M), 0x5a, 3 * SZ_1M);
	before = memblock_free_bytes();
	a = memblock_alloc(4096, 4096);
	b = memblock_alloc(100, 64);
	c = memblock_alloc(SZ_1M, SZ_1M);
	CHECK_EQ(a, 3 * SZ_1M);
	CHECK_EQ(b, 3 * SZ_1M + 4096);
	CHECK_EQ(c, 4 * SZ_1M);
	for (u64 i = 0; i < SZ_1M; i++)
		CHECK(((u8 *)__va(c))[i] == 0);
	CHECK(((u8 *)__va(b))[99] == 0);
	CHECK_EQ(before - memblock_free_bytes(), 4096 + 104 + SZ_1M);
}

static void alloc_never_overlaps(void)
{
	enum { N = MEMBLOCK_MAX_REGIONS - 8 };	/* each may leave a gap */
	phys_addr_t base[N];
	u64 size[N];

	reset();
	memblock_add(SZ_1M, 64 * SZ_1M);
	memblock_reserve(5 * SZ_1M, 7 * SZ_1M);
	for (int i = 0; i < N; i++) {
		u64 align = 1UL << host_rand_below(14);

		size[i] = 1 + host_rand_below(40000);
		base[i] = memblock_alloc(size[i], align);
		CHECK(IS_ALIGNED(base[i], align));
		CHECK(base[i] >= SZ_1M && base[i] + size[i] <= 65 * SZ_1M);
		CHECK(base[i] + size[i] <= 5 * SZ_1M || base[i] >= 12 * SZ_1M);
		for (int j = 0; j < i; j++)
			CHECK(base[i] + size[i] <= base[j] ||
			      base[j] + size[j] <= base[i]);
	}
}

static void alloc_falls_back_above_1g(void)
{
	reset();
	memblock_add(SZ_1M, SZ_1M);
	memblock_add(SZ_1G, 16 * SZ_1M);
	memblock_reserve(SZ_1M, SZ_1M);
	CHECK_EQ(memblock_alloc(8192, 4096), SZ_1G);
	reset();
	memblock_add(4096, 600 * SZ_1K);	/* only low memory */
	CHECK_EQ(memblock_alloc(4096, 4096), 4096);
}

static void alloc_panics_when_out(void)
{
	reset();
	memblock_add(SZ_1M, SZ_1M);
	CHECK(HOST_PANICS(memblock_alloc(2 * SZ_1M, 8)));
	CHECK(host_log_contains("out of memory"));
	CHECK(!HOST_PANICS(memblock_alloc(SZ_1M, 8)));
	CHECK(HOST_PANICS(memblock_alloc(8, 8)));
}

static void too_many_regions_panics(void)
{
	reset();
	for (unsigned int i = 0; i < MEMBLOCK_MAX_REGIONS; i++)
		memblock_add(i * 2 * 4096, 4096);
	CHECK_EQ(memblock.memory.cnt, MEMBLOCK_MAX_REGIONS);
	CHECK(HOST_PANICS(memblock_add(SZ_1G, 4096)));
}

static void alloc_after_mm_init_panics(void)
{
	reset();
	memblock_add(SZ_1M, SZ_1M);
	memblock.retired = true;
	CHECK(HOST_PANICS(memblock_alloc(8, 8)));
}

static const struct host_test tests[] = {
	HOST_TEST(add_merges_touching_and_overlapping),
	HOST_TEST(free_bytes_subtract_reservations),
	HOST_TEST(alloc_is_bottom_up_above_1m),
	HOST_TEST(alloc_never_overlaps),
	HOST_TEST(alloc_falls_back_above_1g),
	HOST_TEST(alloc_panics_when_out),
	HOST_TEST(too_many_regions_panics),
	HOST_TEST(alloc_after_mm_init_panics),
};

int main(int argc, char **argv)
{
	host_seed_init(argc, argv);
	host_ram_map(ARENA);
	return host_run_tests(tests, ARRAY_SIZE(tests));
}
