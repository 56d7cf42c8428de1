// SPDX-License-Identifier: MIT
/*
 * tests/kernel/filemap_test.c: mappings of ramfs files (suite "filemap"),
 * driven from kernel code on the real page tables of each arch: read
 * faults map the page-cache page itself, a private write copies it, a
 * shared write dirties it, fork shares it, truncate unmaps past the new
 * end (later touches there are SIGBUS), and every reference -- the
 * pages', the file's -- is back where it started afterwards.
 *
 * Each case mounts its own ramfs and checks, at the end, that no inode
 * outlived the unmount (every VMA dropped its file reference).
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/lockdep.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/rwsem.h>
#include <anvil/string.h>

struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
void mmput(struct mm_struct *mm);

#define BASE 0x10000000UL
#define PG PAGE_SIZE
#define RW (PROT_READ | PROT_WRITE)

static struct super_block *sb;
static struct fs_struct *fs;

/*
 * A fresh ramfs with /f: @pages full pages and @tail bytes, byte i of
 * page p holding 'a' + p (so each page is told apart by its letter).
 */
static struct file *setup(struct ktest *t, unsigned int flags, int pages,
			  size_t tail)
{
	static char buf[PAGE_SIZE];
	struct file *f;
	loff_t pos = 0;

	sb = ramfs_mount();
	KTEST_ASSERT_NOT_NULL(t, sb);
	fs = alloc_fs_struct(sb->s_root);
	KTEST_ASSERT_NOT_NULL(t, fs);
	f = do_filp_open(fs, NULL, "/f", O_RDWR | O_CREAT, 0644);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	for (int p = 0; p <= pages; p++) {
		size_t n = p < pages ? PG : tail;

		memset(buf, 'a' + p, PG);
		if (n)
			KTEST_ASSERT_TRUE(t, kernel_write(f, buf, n, &pos) ==
					(ssize_t)n);
	}
	if (flags != O_RDWR) {
		fput(f);
		f = do_filp_open(fs, NULL, "/f", flags, 0);
		KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	}
	return f;
}

static void teardown(struct ktest *t, struct file *f)
{
	fput(f);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "/f"), 0);
	free_fs_struct(fs);
	KTEST_EXPECT_EQ(t, ramfs_kill_sb(sb), 0);	/* no inode left */
}

static int fault(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	int ret = VM_FAULT_SIGSEGV;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr)
		ret = handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0);
	up_read(&mm->mmap_lock);
	return ret;
}

/* The page mapped at @addr, or NULL. */
static struct page *mapped(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr)
		page = follow_page(vma, addr);
	up_read(&mm->mmap_lock);
	return page;
}

static char *byte(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = mapped(mm, addr);

	return page ? (char *)page_address(page) + (addr & ~PAGE_MASK) : NULL;
}

/* The page cache's page @index of @f (the reference is dropped again). */
static struct page *cached(struct file *f, pgoff_t index)
{
	struct page *page = find_get_page(f->f_inode->i_mapping, index);

	if (page)
		put_page(page);
	return page;
}

/* Byte @off of @f as read(2) sees it. */
static char file_byte(struct file *f, loff_t off)
{
	char c = 0;

	if (kernel_read(f, &c, 1, &off) != 1)
		return 0;
	return c;
}

static unsigned long map(struct mm_struct *mm, struct file *f,
			 unsigned long len, unsigned long prot,
			 unsigned long flags, unsigned long off)
{
	return do_mmap_file(mm, f, BASE, len, prot, flags | MAP_FIXED, off);
}

static void read_faults_map_the_page_cache(struct ktest *t)
{
	struct file *f = setup(t, O_RDWR, 2, 100);
	struct mm_struct *mm = mm_alloc();
	int count = atomic_read(&f->f_count);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, map(mm, f, 4 * PG, RW, MAP_PRIVATE, 0), BASE);
	KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), count + 1);
	for (int p = 0; p < 3; p++) {
		KTEST_EXPECT_EQ(t, fault(mm, BASE + p * PG, false), 0);
		KTEST_EXPECT_TRUE(t, mapped(mm, BASE + p * PG) == cached(f, p));
		KTEST_EXPECT_EQ(t, *byte(mm, BASE + p * PG + 7), 'a' + p);
		/* The cache's reference and the PTE's; one mapping. */
		KTEST_EXPECT_EQ(t, page_ref_count(cached(f, p)), 2);
		KTEST_EXPECT_EQ(t, page_mapcount(cached(f, p)), 1);
	}
	/* The page holding EOF maps whole: its tail reads as zeros. */
	KTEST_EXPECT_EQ(t, *byte(mm, BASE + 2 * PG + 100), 0);
	/* The page after it is past EOF: SIGBUS, nothing mapped. */
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 3 * PG, false), VM_FAULT_SIGBUS);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_file), 3);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_anon), 0);
	/* An offset into the file: page 1 at the start. */
	KTEST_EXPECT_EQ(t, do_mmap_file(mm, f, BASE + 8 * PG, PG, PROT_READ,
					MAP_SHARED | MAP_FIXED, PG),
			BASE + 8 * PG);
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 8 * PG, false), 0);
	KTEST_EXPECT_EQ(t, *byte(mm, BASE + 8 * PG), 'b');
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 1)), 2);

	KTEST_EXPECT_EQ(t, do_munmap(mm, BASE, 16 * PG), 0);
	for (int p = 0; p < 3; p++) {	/* the data stay in the cache */
		KTEST_EXPECT_EQ(t, page_ref_count(cached(f, p)), 1);
		KTEST_EXPECT_EQ(t, page_mapcount(cached(f, p)), 0);
	}
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_file), 0);
	KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), count);
	mmput(mm);
	teardown(t, f);
}

/*
 * Fault-around: one read fault maps every page of its aligned 16-page
 * window that the cache holds, read-only, clipped to the VMA and the end
 * of the file; the next window is left to its own fault. A write to a
 * private mapping of a page mapped that way still copies.
 */
static void read_fault_maps_its_neighbours(struct ktest *t)
{
	struct file *f = setup(t, O_RDWR, 20, 0);
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, map(mm, f, 24 * PG, RW, MAP_PRIVATE, 0), BASE);
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 5 * PG, false), 0);
	for (int p = 0; p < 16; p++)
		KTEST_EXPECT_TRUE(t, mapped(mm, BASE + p * PG) == cached(f, p));
	KTEST_EXPECT_TRUE(t, mapped(mm, BASE + 16 * PG) == NULL);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_file), 16);
	/* The second window: pages 16-19, then the end of the file. */
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 17 * PG, false), 0);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_file), 20);
	KTEST_EXPECT_TRUE(t, mapped(mm, BASE + 20 * PG) == NULL);
	/* Mapped read-only: a write copies, the file keeps its byte. */
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 3 * PG, true), 0);
	*byte(mm, BASE + 3 * PG) = 'X';
	KTEST_EXPECT_EQ(t, file_byte(f, 3 * PG), 'd');
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 3)), 0);
	mmput(mm);
	teardown(t, f);
}

static void private_write_copies_and_leaves_the_file(struct ktest *t)
{
	struct file *f = setup(t, O_RDONLY, 2, 0);
	struct mm_struct *mm = mm_alloc();
	struct page *copy;

	KTEST_ASSERT_NOT_NULL(t, mm);
	/* O_RDONLY is enough for a private writable mapping. */
	KTEST_EXPECT_EQ(t, map(mm, f, 2 * PG, RW, MAP_PRIVATE, 0), BASE);
	/* A write as the first touch: copied straight away. */
	KTEST_EXPECT_EQ(t, fault(mm, BASE, true), 0);
	copy = mapped(mm, BASE);
	KTEST_EXPECT_TRUE(t, copy && copy != cached(f, 0));
	KTEST_EXPECT_EQ(t, *byte(mm, BASE), 'a');
	*byte(mm, BASE) = 'X';
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 0)), 0);
	/* A read, then a write: the page-cache page is replaced. */
	KTEST_EXPECT_EQ(t, fault(mm, BASE + PG, false), 0);
	KTEST_EXPECT_TRUE(t, mapped(mm, BASE + PG) == cached(f, 1));
	KTEST_EXPECT_EQ(t, fault(mm, BASE + PG, true), 0);
	KTEST_EXPECT_TRUE(t, mapped(mm, BASE + PG) != cached(f, 1));
	*byte(mm, BASE + PG + 1) = 'Y';
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 1)), 0);
	KTEST_EXPECT_EQ(t, page_ref_count(cached(f, 1)), 1);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_anon), 2);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_file), 0);
	/* The file never saw either write. */
	KTEST_EXPECT_EQ(t, file_byte(f, 0), 'a');
	KTEST_EXPECT_EQ(t, file_byte(f, PG + 1), 'b');
	KTEST_EXPECT_FALSE(t, PageDirty(cached(f, 0)) ||
				      PageDirty(cached(f, 1)));
	mmput(mm);
	teardown(t, f);
}

static void shared_write_reaches_the_file(struct ktest *t)
{
	struct file *f = setup(t, O_RDWR, 2, 0);
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, map(mm, f, 2 * PG, RW, MAP_SHARED, 0), BASE);
	/* Read first: mapped clean and read-only... */
	KTEST_EXPECT_EQ(t, fault(mm, BASE, false), 0);
	KTEST_EXPECT_FALSE(t, PageDirty(cached(f, 0)));
	/* ...then the write makes that same page writable and dirty. */
	KTEST_EXPECT_EQ(t, fault(mm, BASE, true), 0);
	KTEST_EXPECT_TRUE(t, mapped(mm, BASE) == cached(f, 0));
	KTEST_EXPECT_TRUE(t, PageDirty(cached(f, 0)));
	*byte(mm, BASE + 3) = 'S';
	/* A write as the first touch maps the page writable at once. */
	KTEST_EXPECT_EQ(t, fault(mm, BASE + PG, true), 0);
	KTEST_EXPECT_TRUE(t, mapped(mm, BASE + PG) == cached(f, 1));
	*byte(mm, BASE + PG) = 'T';
	KTEST_EXPECT_EQ(t, file_byte(f, 3), 'S');
	KTEST_EXPECT_EQ(t, file_byte(f, PG), 'T');
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_file), 2);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_anon), 0);
	/* msync has nothing to write back on ramfs, but must say yes. */
	KTEST_EXPECT_EQ(t, do_msync(mm, BASE, 2 * PG, MS_SYNC), 0);
	mmput(mm);
	KTEST_EXPECT_EQ(t, page_ref_count(cached(f, 0)), 1);
	KTEST_EXPECT_EQ(t, file_byte(f, 3), 'S');
	teardown(t, f);
}

/*
 * A shared mapping made writable by mprotect after a read fault: the page
 * was never written, so its PTE stays read-only and the first write still
 * faults and marks the page dirty (it did not: mprotect made the PTE
 * writable, and the write went through unnoticed).
 */
static void mprotect_keeps_write_faults_for_dirty_tracking(struct ktest *t)
{
	struct file *f = setup(t, O_RDWR, 1, 0);
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, map(mm, f, PG, PROT_READ, MAP_SHARED, 0), BASE);
	KTEST_EXPECT_EQ(t, fault(mm, BASE, false), 0);
	KTEST_EXPECT_FALSE(t, PageDirty(cached(f, 0)));
	KTEST_EXPECT_EQ(t, do_mprotect(mm, BASE, PG, RW), 0);
	KTEST_EXPECT_EQ(t, fault(mm, BASE, true), 0);
	*byte(mm, BASE) = 'W';
	KTEST_EXPECT_TRUE(t, PageDirty(cached(f, 0)));
	KTEST_EXPECT_EQ(t, file_byte(f, 0), 'W');
	mmput(mm);
	teardown(t, f);
}

static void fork_shares_the_file_pages(struct ktest *t)
{
	struct file *f = setup(t, O_RDWR, 2, 0);
	struct mm_struct *parent = mm_alloc(), *child;
	int count = atomic_read(&f->f_count);

	KTEST_ASSERT_NOT_NULL(t, parent);
	KTEST_EXPECT_EQ(t, map(parent, f, PG, RW, MAP_SHARED, 0), BASE);
	KTEST_EXPECT_EQ(t, do_mmap_file(parent, f, BASE + PG, PG, RW,
					MAP_PRIVATE | MAP_FIXED, PG),
			BASE + PG);
	KTEST_EXPECT_EQ(t, fault(parent, BASE, true), 0);
	KTEST_EXPECT_EQ(t, fault(parent, BASE + PG, false), 0);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), count + 4);
	KTEST_EXPECT_TRUE(t, mapped(child, BASE) == cached(f, 0));
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 0)), 2);
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 1)), 2);
	/* The file's reverse map, i_mmap, finds both mms' PTEs. */
	KTEST_EXPECT_EQ(t, page_rmap_count(cached(f, 0)), 2);
	KTEST_EXPECT_EQ(t, page_rmap_count(cached(f, 1)), 2);
	KTEST_EXPECT_EQ(t, atomic_long_read(&child->rss_file), 2);
	/* Shared: the child writes to the parent's page. */
	*byte(child, BASE) = 'C';
	KTEST_EXPECT_EQ(t, *byte(parent, BASE), 'C');
	/* Private: the child's write copies, the parent keeps the file's. */
	KTEST_EXPECT_EQ(t, fault(child, BASE + PG, true), 0);
	*byte(child, BASE + PG) = 'P';
	KTEST_EXPECT_EQ(t, *byte(parent, BASE + PG), 'b');
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 1)), 1);
	KTEST_EXPECT_EQ(t, page_rmap_count(cached(f, 1)), 1);
	/* The child's copy is anonymous now: its own anon_vma finds it. */
	KTEST_EXPECT_TRUE(t, PageAnon(mapped(child, BASE + PG)));
	KTEST_EXPECT_EQ(t, page_rmap_count(mapped(child, BASE + PG)), 1);
	mmput(child);
	KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), count + 2);
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 0)), 1);
	mmput(parent);
	KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), count);
	KTEST_EXPECT_EQ(t, page_ref_count(cached(f, 0)), 1);
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 0)), 0);
	KTEST_EXPECT_EQ(t, file_byte(f, 0), 'C');
	teardown(t, f);
}

static void truncate_unmaps_and_later_faults_sigbus(struct ktest *t)
{
	struct file *f = setup(t, O_RDWR, 4, 0);
	struct mm_struct *mm = mm_alloc(), *child;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, map(mm, f, 4 * PG, RW, MAP_SHARED, 0), BASE);
	KTEST_EXPECT_EQ(t, do_mmap_file(mm, f, BASE + 8 * PG, 4 * PG, RW,
					MAP_PRIVATE | MAP_FIXED, 0),
			BASE + 8 * PG);
	for (int p = 0; p < 4; p++) {
		KTEST_EXPECT_EQ(t, fault(mm, BASE + p * PG, false), 0);
		/* Private: pages 2 and 3 copied (even copies must go). */
		KTEST_EXPECT_EQ(t, fault(mm, BASE + (8 + p) * PG, p >= 2), 0);
	}
	child = dup_mm(mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, do_ftruncate(f, PG + 10), 0);
	for (struct mm_struct *m = mm; m; m = m == mm ? child : NULL) {
		/* The page holding the new EOF stays, zeroed past it. */
		KTEST_EXPECT_TRUE(t, mapped(m, BASE + PG) == cached(f, 1));
		KTEST_EXPECT_EQ(t, *byte(m, BASE + PG + 9), 'b');
		KTEST_EXPECT_EQ(t, *byte(m, BASE + PG + 10), 0);
		for (int p = 2; p < 4; p++) {
			KTEST_EXPECT_TRUE(t, mapped(m, BASE + p * PG) == NULL);
			KTEST_EXPECT_TRUE(t, mapped(m, BASE + (8 + p) * PG) == NULL);
			KTEST_EXPECT_EQ(t, fault(m, BASE + p * PG, false),
					VM_FAULT_SIGBUS);
			KTEST_EXPECT_EQ(t, fault(m, BASE + (8 + p) * PG, true),
					VM_FAULT_SIGBUS);
		}
		KTEST_EXPECT_EQ(t, atomic_long_read(&m->rss_file), 4);
		KTEST_EXPECT_EQ(t, atomic_long_read(&m->rss_anon), 0);
	}
	KTEST_EXPECT_TRUE(t, cached(f, 2) == NULL);
	KTEST_EXPECT_EQ(t, f->f_inode->i_mapping->nrpages, 2);
	/* Growing again: the new pages read as zeros, no SIGBUS. */
	KTEST_EXPECT_EQ(t, do_ftruncate(f, 4 * PG), 0);
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 3 * PG, false), 0);
	KTEST_EXPECT_EQ(t, *byte(mm, BASE + 3 * PG), 0);
	mmput(child);
	mmput(mm);
	teardown(t, f);
}

static void split_mremap_keep_file_offsets(struct ktest *t)
{
	struct file *f = setup(t, O_RDWR, 4, 0);
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	unsigned long to = BASE + 32 * PG;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, map(mm, f, 4 * PG, PROT_READ, MAP_SHARED, 0), BASE);
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 3 * PG, false), 0);
	/* Punch page 1 out: the upper piece starts at file page 2. */
	KTEST_EXPECT_EQ(t, do_munmap(mm, BASE + PG, PG), 0);
	down_read(&mm->mmap_lock);
	vma = find_vma(mm, BASE + 2 * PG);
	KTEST_EXPECT_EQ(t, vma->vm_start, BASE + 2 * PG);
	KTEST_EXPECT_EQ(t, vma->vm_pgoff, 2);
	up_read(&mm->mmap_lock);
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 2 * PG, false), 0);
	KTEST_EXPECT_EQ(t, *byte(mm, BASE + 2 * PG), 'c');
	/* Move it: its pages and its offset go along. */
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE + 2 * PG, 2 * PG, 2 * PG,
				     MREMAP_MAYMOVE | MREMAP_FIXED, to),
			to);
	KTEST_EXPECT_TRUE(t, mapped(mm, to + PG) == cached(f, 3));
	KTEST_EXPECT_EQ(t, page_mapcount(cached(f, 3)), 1);
	down_read(&mm->mmap_lock);
	KTEST_EXPECT_EQ(t, find_vma(mm, to)->vm_pgoff, 2);
	up_read(&mm->mmap_lock);
	/* A truncate finds the moved VMA through i_mmap. */
	KTEST_EXPECT_EQ(t, do_ftruncate(f, 3 * PG), 0);
	KTEST_EXPECT_TRUE(t, mapped(mm, to + PG) == NULL);
	KTEST_EXPECT_EQ(t, fault(mm, to + PG, false), VM_FAULT_SIGBUS);
	KTEST_EXPECT_EQ(t, fault(mm, to, false), 0);
	KTEST_EXPECT_EQ(t, *byte(mm, to), 'c');
	mmput(mm);
	teardown(t, f);
}

static void mmap_errors_are_linux_errnos(struct ktest *t)
{
	struct file *f = setup(t, O_RDONLY, 1, 0), *dir;
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, (long)map(mm, f, PG, RW, MAP_SHARED, 0), -EACCES);
	/* Read-only shared: mprotect may not make it writable later. */
	KTEST_EXPECT_EQ(t, map(mm, f, PG, PROT_READ, MAP_SHARED, 0), BASE);
	KTEST_EXPECT_EQ(t, do_mprotect(mm, BASE, PG, RW), -EACCES);
	KTEST_EXPECT_EQ(t, (long)map(mm, f, PG, PROT_READ, MAP_SHARED,
				     ~0UL & PAGE_MASK),
			-EOVERFLOW);
	dir = do_filp_open(fs, NULL, "/", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(dir));
	KTEST_EXPECT_EQ(t, (long)map(mm, dir, PG, PROT_READ, MAP_PRIVATE, 0),
			-ENODEV);
	fput(dir);
	KTEST_EXPECT_EQ(t, (long)do_mmap(mm, 0, PG, PROT_READ, MAP_PRIVATE, 3,
					 0),
			-EBADF);
	mmput(mm);
	teardown(t, f);
}

/*
 * mm_take_all_locks on a forked mm with two VMAs of one file and anon
 * pages from two trees: every i_mmap_mutex and anon_vma root is held,
 * each once, with no report from the lock checker (many locks of one
 * class, nested under mmap_lock), and all are free again after the drop.
 */
static void take_all_locks_holds_every_rmap_lock_once(struct ktest *t)
{
	struct file *f = setup(t, O_RDWR, 4, 0);
	struct address_space *mapping = f->f_inode->i_mapping;
	struct mm_struct *parent = mm_alloc(), *child;
	unsigned long anon = BASE + 64 * PG, reports = lockdep_reports;
	struct anon_vma *root;

	KTEST_ASSERT_NOT_NULL(t, parent);
	KTEST_EXPECT_EQ(t, map(parent, f, PG, RW, MAP_SHARED, 0), BASE);
	KTEST_EXPECT_EQ(t, do_mmap_file(parent, f, BASE + 2 * PG, PG, RW,
					MAP_PRIVATE | MAP_FIXED, 2 * PG),
			BASE + 2 * PG);
	KTEST_EXPECT_EQ(t, do_mmap(parent, anon, 4 * PG, RW,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED |
					   MAP_POPULATE, -1, 0), anon);
	KTEST_EXPECT_EQ(t, fault(parent, BASE + 2 * PG, true), 0); /* COW */
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	root = mapped(child, anon) ? page_anon_vma(mapped(child, anon))->root :
				     NULL;
	KTEST_ASSERT_NOT_NULL(t, root);

	down_write(&child->mmap_lock);
	KTEST_EXPECT_EQ(t, mm_take_all_locks(child), 0);
	KTEST_EXPECT_TRUE(t, mutex_is_locked(&mapping->i_mmap_mutex));
	KTEST_EXPECT_TRUE(t, mutex_is_locked(&root->mutex));
	mm_drop_all_locks(child);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&mapping->i_mmap_mutex));
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&root->mutex));
	up_write(&child->mmap_lock);
	KTEST_EXPECT_EQ(t, lockdep_reports, reports);
	mmput(child);
	mmput(parent);
	teardown(t, f);
}

KTEST_SUITE(filemap, "filemap",
	    KTEST_CASE(read_faults_map_the_page_cache),
	    KTEST_CASE(read_fault_maps_its_neighbours),
	    KTEST_CASE(private_write_copies_and_leaves_the_file),
	    KTEST_CASE(shared_write_reaches_the_file),
	    KTEST_CASE(mprotect_keeps_write_faults_for_dirty_tracking),
	    KTEST_CASE(fork_shares_the_file_pages),
	    KTEST_CASE(truncate_unmaps_and_later_faults_sigbus),
	    KTEST_CASE(split_mremap_keep_file_offsets),
	    KTEST_CASE(mmap_errors_are_linux_errnos),
	    KTEST_CASE(take_all_locks_holds_every_rmap_lock_once));
