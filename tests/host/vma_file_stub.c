// SPDX-License-Identifier: MIT
/*
 * tests/host/vma_file_stub.c: the file side of VMAs (mm/vma_file.c) for
 * host tests of mm/vma.c, mm/mmap.c and friends. Their files are
 * made-up pointers (vma_test.h's FA, FB) that must never be
 * dereferenced, so references and i_mmap are not kept here: the
 * in-kernel "filemap" suite tests those. mmap of a file is -ENODEV.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm_types.h>

#include "../../mm/vma_internal.h"

void vma_get_file(struct vm_area_struct *vma) { }
void vma_put_file(struct vm_area_struct *vma) { }
void vma_file_lock(struct vm_area_struct *vma) { }
void vma_file_unlock(struct vm_area_struct *vma) { }
void __vma_link_file(struct vm_area_struct *vma) { }
void __unlink_file_vma(struct vm_area_struct *vma) { }

int mmap_file_check(struct file *file, unsigned long prot,
		    unsigned long flags, unsigned long *vm_flags)
{
	return -ENODEV;
}

int call_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}
