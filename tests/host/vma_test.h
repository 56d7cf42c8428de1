/* SPDX-License-Identifier: MIT */
/*
 * tests/host/vma_test.h: what the two halves of the VMA host test share.
 *
 *	vma_test.c	the mmap_lock stub, the mm under test, helpers, the
 *			scenario tests (insert, find, split, remove, the
 *			merge cases, get_unmapped_area) and main()
 *	vma_random.c	the randomized test against a page-granular model
 */
#ifndef HOST_VMA_TEST_H
#define HOST_VMA_TEST_H

#include <anvil/mm_types.h>

#define P(n) ((unsigned long)(n) * PAGE_SIZE)
#define PGNUM(addr) ((addr) >> PAGE_SHIFT)

#define R VM_READ
#define RW (VM_READ | VM_WRITE)
#define RX (VM_READ | VM_EXEC)

/* Stand-ins for objects that do not exist yet: only their addresses. */
extern char vma_test_objects[4];
#define FA ((struct file *)&vma_test_objects[0])
#define FB ((struct file *)&vma_test_objects[1])
#define AV1 ((struct anon_vma *)&vma_test_objects[2])
#define AV2 ((struct anon_vma *)&vma_test_objects[3])

extern struct mm_struct mm;

/* A fresh, empty mm, write-locked; user space is pages [16, 1000). */
void mm_setup(void);
/* Free every VMA left in mm (after a failed CHECK too). */
void mm_teardown(void);
/* The VMAs as "start-end:perms ..." in page numbers. */
const char *layout(void);

/* End of a passing test: consistent, and nothing leaked once freed. */
#define DONE()                                                              \
	do {                                                                \
		CHECK_OK(mm_validate(&mm));                                 \
		mm_teardown();                                              \
		CHECK_EQ(vm_area_cachep->nr_inuse, 0);                      \
		CHECK_OK(slab_check());                                     \
	} while (0)

#define CHECK_LAYOUT(want)                                                  \
	do {                                                                \
		const char *__got = layout();                               \
		if (strcmp(__got, (want))) {                                \
			host_fail(__FILE__, __LINE__,                       \
				  "layout \"%s\", want \"%s\"", __got,      \
				  (want));                                  \
			return;                                             \
		}                                                           \
	} while (0)

void random_map_unmap_mprotect(void);

#endif /* HOST_VMA_TEST_H */
