/* SPDX-License-Identifier: MIT */
/*
 * The reverse map (mm/rmap.c, whose opening comment is the mm's lock
 * order). For now: a page's map count.
 */
#ifndef ANVIL_RMAP_H
#define ANVIL_RMAP_H

#include <anvil/mm.h>

/* How many PTEs map @page. */
static inline int page_mapcount(const struct page *page)
{
	return __atomic_load_n(&page->_mapcount, __ATOMIC_RELAXED) + 1;
}

void page_add_new_anon_rmap(struct page *page);
void page_add_file_rmap(struct page *page);
void page_dup_rmap(struct page *page);
void page_remove_rmap(struct page *page);

#endif /* ANVIL_RMAP_H */
