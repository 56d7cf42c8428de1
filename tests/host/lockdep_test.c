// SPDX-License-Identifier: MIT
/*
 * tests/host/lockdep_test.c: the lock-order checker (kernel/locking/
 * lockdep.c, the real source) driven by hand on the host, under ASan/UBSan.
 *
 * Each test uses fresh lock classes (their own static keys), so edges
 * learned by one test cannot excuse or accuse another.
 */
#include <anvil/kernel.h>
#include <anvil/lockdep.h>

#include <stdio.h>

static int nr_test, nr_fail;

static void ok(bool cond, const char *name)
{
	nr_test++;
	if (!cond)
		nr_fail++;
	printf("%sok %d - %s\n", cond ? "" : "not ", nr_test, name);
}

#define LOCK(name)                                               \
	static struct lock_class_key name##_key;                 \
	struct lockdep_map name;                                 \
	lockdep_init_map(&name, #name, &name##_key)

#define ACQ(m) lock_acquire(&(m), NULL, __LINE__)
#define REL(m) lock_release(&(m), __LINE__)

static void test_consistent_order(void)
{
	unsigned long before = lockdep_reports;
	LOCK(a);
	LOCK(b);

	for (int i = 0; i < 3; i++) {
		ACQ(a);
		ACQ(b);
		REL(b);
		REL(a);
	}
	ok(lockdep_reports == before, "the same order every time: no report");
}

static void test_abba(void)
{
	unsigned long before = lockdep_reports;
	LOCK(a);
	LOCK(b);

	ACQ(a);
	ACQ(b);
	REL(b);
	REL(a);
	ACQ(b);
	ACQ(a);
	REL(a);
	REL(b);
	ok(lockdep_reports == before + 1, "AB then BA is reported");
	ACQ(b);
	ACQ(a);
	REL(a);
	REL(b);
	ok(lockdep_reports == before + 1, "the same inversion is reported once");
}

static void test_three_cycle(void)
{
	unsigned long before = lockdep_reports;
	LOCK(x);
	LOCK(y);
	LOCK(z);

	ACQ(x); ACQ(y); REL(y); REL(x);
	ACQ(y); ACQ(z); REL(z); REL(y);
	ok(lockdep_reports == before, "x->y, y->z: no report yet");
	ACQ(z); ACQ(x); REL(x); REL(z);
	ok(lockdep_reports == before + 1, "z->x closes x->y->z: reported");
}

static void test_recursive(void)
{
	unsigned long before = lockdep_reports;
	static struct lock_class_key key;
	struct lockdep_map l1, l2;

	lockdep_init_map(&l1, "same_class", &key);
	lockdep_init_map(&l2, "same_class", &key);
	ACQ(l1);
	ACQ(l2);
	REL(l2);
	REL(l1);
	ok(lockdep_reports == before + 1,
	   "two locks of one class without a nest lock: reported");
}

static void test_nest_lock(void)
{
	unsigned long before = lockdep_reports;
	static struct lock_class_key key;
	static struct lockdep_map many[500];
	LOCK(outer);

	for (int i = 0; i < 500; i++)
		lockdep_init_map(&many[i], "anon_vma", &key);
	ACQ(outer);
	for (int i = 0; i < 500; i++)
		lock_acquire(&many[i], &outer, 1000 + i);
	ok(lockdep_current()->depth == 2,
	   "500 nested locks of one class take one held entry");
	for (int i = 499; i >= 0; i--)
		REL(many[i]);
	REL(outer);
	ok(lockdep_reports == before,
	   "500 locks of one class under a nest lock: no report");
	ok(lockdep_current()->depth == 0, "all released");

	/* Released in the order taken (first instance first): still fine. */
	ACQ(outer);
	for (int i = 0; i < 500; i++)
		lock_acquire(&many[i], &outer, 2000 + i);
	for (int i = 0; i < 500; i++)
		REL(many[i]);
	REL(outer);
	ok(lockdep_reports == before && lockdep_current()->depth == 0,
	   "nested locks released first-to-last: no report");
}

static void test_out_of_order_release(void)
{
	unsigned long before = lockdep_reports;
	LOCK(p);
	LOCK(q);

	ACQ(p);
	ACQ(q);
	REL(p);
	ok(lock_is_held(&q) && !lock_is_held(&p), "release out of order");
	REL(q);
	ok(lockdep_current()->depth == 0 && lockdep_reports == before,
	   "stack empty, no report");
	REL(q);
	ok(lockdep_reports == before + 1, "releasing a lock not held: reported");
}

int main(void)
{
	test_consistent_order();
	test_abba();
	test_three_cycle();
	test_recursive();
	test_nest_lock();
	test_out_of_order_release();
	printf("1..%d\n", nr_test);
	return nr_fail ? 1 : 0;
}
