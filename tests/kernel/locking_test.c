// SPDX-License-Identifier: MIT
/*
 * tests/kernel/locking_test.c: the sleeping locks and wait primitives,
 * with threads on every CPU.
 *
 *	counters	threads pinned to each CPU increment one counter under a
 *			mutex, then under a spinlock: no update is lost, and
 *			each thread really ran on its CPU
 *	mutex		FIFO handoff, mutex_is_contended, owner
 *	rwsem		readers share, writers exclude, a queued writer
 *			stops new readers (no writer starvation)
 *	completion,	wakeups, timeouts, complete vs complete_all
 *	wait_event
 *
 * The scheduler's own tests (preempting a spinning thread) and the IPI
 * tests are the sched and smp suites; the checkers are the debug suite.
 */
#include <anvil/completion.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mutex.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/smp.h>
#include <anvil/spinlock.h>
#include <anvil/time.h>
#include <anvil/wait.h>

#define COUNT_ITERS 500
#define THREADS_PER_CPU 2
#define POLL_TIMEOUT_MS 2000

/* Create a thread, pinned to @cpu unless it is negative, and start it. */
static struct task_struct *start_thread(void (*fn)(void *), void *arg,
					const char *name, int cpu)
{
	struct task_struct *t;

	if (cpu < 0)
		return kthread_run(fn, arg, name); /* on the least busy CPU */
	t = kthread_create(fn, arg, name);
	if (!t)
		return NULL;
	kthread_bind(t, (unsigned int)cpu);
	wake_up_process(t);
	return t;
}

/* Sleep-poll until @t blocks (state not running); false on timeout. */
static bool wait_until_blocked(struct task_struct *t)
{
	for (int ms = 0; ms < POLL_TIMEOUT_MS; ms++) {
		if (READ_ONCE(t->state) != TASK_RUNNING)
			return true;
		msleep(1);
	}
	return false;
}

/* ---- counters on every CPU -------------------------------------------- */

struct count_thread {
	struct task_struct *task;
	unsigned int cpu;	/* pinned here */
	unsigned int ran_on;	/* smp_processor_id() at the end */
	bool wrong_cpu;		/* ever seen elsewhere */
};

static struct {
	struct mutex mutex;
	spinlock_t lock;
	struct completion go;
	bool use_mutex;
	unsigned long value;
	struct count_thread threads[NR_CPUS * THREADS_PER_CPU];
} ctr;

/* A read-modify-write with a gap: without the lock, updates get lost. */
static void bump(void)
{
	unsigned long v = READ_ONCE(ctr.value);

	cpu_relax();
	WRITE_ONCE(ctr.value, v + 1);
}

static void count_thread_fn(void *arg)
{
	struct count_thread *ct = arg;

	wait_for_completion(&ctr.go);
	for (int i = 0; i < COUNT_ITERS; i++) {
		if (ctr.use_mutex) {
			mutex_lock(&ctr.mutex);
			bump();
			if (i % 128 == 0)
				yield(); /* others queue behind a sleeper */
			mutex_unlock(&ctr.mutex);
		} else {
			spin_lock(&ctr.lock);
			bump();
			spin_unlock(&ctr.lock);
		}
		/* Pinned, so smp_processor_id() is legal with preemption on. */
		if (smp_processor_id() != ct->cpu)
			ct->wrong_cpu = true;
	}
	ct->ran_on = smp_processor_id();
}

static void run_counters(struct ktest *t, bool use_mutex)
{
	unsigned int n = 0;
	cpumask_t ran = 0;

	mutex_init(&ctr.mutex);
	spin_lock_init(&ctr.lock);
	init_completion(&ctr.go);
	ctr.use_mutex = use_mutex;
	ctr.value = 0;
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		for (int j = 0; cpu_online(cpu) && j < THREADS_PER_CPU; j++) {
			struct count_thread *ct = &ctr.threads[n];

			*ct = (struct count_thread){ .cpu = cpu };
			ct->task = start_thread(count_thread_fn, ct, "lk-count",
						(int)cpu);
			KTEST_EXPECT_TRUE(t, ct->task != NULL);
			if (ct->task)
				n++;
		}
	}
	complete_all(&ctr.go); /* start together, for contention */
	for (unsigned int i = 0; i < n; i++)
		kthread_join(ctr.threads[i].task);

	KTEST_EXPECT_EQ(t, ctr.value, (unsigned long)n * COUNT_ITERS);
	for (unsigned int i = 0; i < n; i++) {
		KTEST_EXPECT_FALSE(t, ctr.threads[i].wrong_cpu);
		KTEST_EXPECT_EQ(t, ctr.threads[i].ran_on, ctr.threads[i].cpu);
		ran |= cpumask_of(ctr.threads[i].ran_on);
	}
	KTEST_EXPECT_EQ(t, ran, cpu_online_mask());
	ktest_log(t, "%u threads on %d CPUs, %lu increments", n,
		  nr_online_cpus(), ctr.value);
}

static void mutex_counts_on_every_cpu(struct ktest *t)
{
	run_counters(t, true);
}

static void spinlock_counts_on_every_cpu(struct ktest *t)
{
	run_counters(t, false);
}

/* ---- mutex: handoff order, contention, owner -------------------------- */

static struct {
	struct mutex m;
	atomic_t seq;
	int order[2];
} fifo;

static void fifo_locker(void *arg)
{
	int *slot = arg;

	mutex_lock(&fifo.m);
	*slot = atomic_inc_return(&fifo.seq);
	mutex_unlock(&fifo.m);
}

static void mutex_fifo_and_contended(struct ktest *t)
{
	struct task_struct *t1, *t2;

	mutex_init(&fifo.m);
	atomic_set(&fifo.seq, 0);
	mutex_lock(&fifo.m);
	KTEST_EXPECT_TRUE(t, mutex_is_locked(&fifo.m));
	KTEST_EXPECT_TRUE(t, mutex_owner(&fifo.m) == current);
	KTEST_EXPECT_FALSE(t, mutex_is_contended(&fifo.m));
	KTEST_EXPECT_FALSE(t, mutex_trylock(&fifo.m));

	t1 = start_thread(fifo_locker, &fifo.order[0], "lk-fifo1", -1);
	KTEST_ASSERT_NOT_NULL(t, t1);
	KTEST_EXPECT_TRUE(t, wait_until_blocked(t1));
	KTEST_EXPECT_TRUE(t, mutex_is_contended(&fifo.m));
	t2 = start_thread(fifo_locker, &fifo.order[1], "lk-fifo2", -1);
	KTEST_EXPECT_TRUE(t, t2 && wait_until_blocked(t2));
	mutex_unlock(&fifo.m);

	kthread_join(t1);
	if (t2)
		kthread_join(t2);
	/* Queued first, served first, though t2 may have run first after. */
	KTEST_EXPECT_EQ(t, fifo.order[0], 1);
	KTEST_EXPECT_EQ(t, fifo.order[1], 2);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&fifo.m));
	KTEST_EXPECT_FALSE(t, mutex_is_contended(&fifo.m));
	KTEST_EXPECT_TRUE(t, mutex_trylock(&fifo.m));
	mutex_unlock(&fifo.m);
}

/* ---- rw-semaphores ---------------------------------------------------- */

#define RW_READERS 4
#define RW_WRITERS 2
#define RW_ITERS 200

static struct {
	struct rw_semaphore sem;
	atomic_t readers_in;	/* inside with the read lock */
	atomic_t max_readers;	/* most seen inside at once */
	atomic_t writers_in;
	bool violation;		/* a writer shared the lock */
	unsigned long writes;
	atomic_t seq;
	int order[2];
} rw;

static void note_max_readers(int now)
{
	int max = atomic_read(&rw.max_readers);

	while (now > max && atomic_cmpxchg(&rw.max_readers, max, now) != max)
		max = atomic_read(&rw.max_readers);
}

/* Hold the read lock until every reader is in (or 2 s pass). */
static void parallel_reader(void *arg)
{
	u64 end = ktime_get_ns() + POLL_TIMEOUT_MS * NSEC_PER_MSEC;

	down_read(&rw.sem);
	note_max_readers(atomic_inc_return(&rw.readers_in));
	while (atomic_read(&rw.readers_in) < RW_READERS &&
	       ktime_get_ns() < end)
		yield();
	note_max_readers(atomic_read(&rw.readers_in));
	up_read(&rw.sem);
}

static void rwsem_readers_share(struct ktest *t)
{
	struct task_struct *tasks[RW_READERS];

	init_rwsem(&rw.sem);
	atomic_set(&rw.readers_in, 0);
	atomic_set(&rw.max_readers, 0);
	for (int i = 0; i < RW_READERS; i++)
		tasks[i] = start_thread(parallel_reader, NULL, "lk-reader", -1);
	for (int i = 0; i < RW_READERS; i++)
		if (tasks[i])
			kthread_join(tasks[i]);
	KTEST_EXPECT_EQ(t, atomic_read(&rw.max_readers), RW_READERS);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&rw.sem));
}

static void mixed_reader(void *arg)
{
	for (int i = 0; i < RW_ITERS; i++) {
		down_read(&rw.sem);
		atomic_inc(&rw.readers_in);
		if (atomic_read(&rw.writers_in))
			rw.violation = true;
		udelay(10);
		atomic_dec(&rw.readers_in);
		up_read(&rw.sem);
	}
}

/* Every other pass downgrades to a read lock instead of releasing. */
static void mixed_writer(void *arg)
{
	for (int i = 0; i < RW_ITERS; i++) {
		down_write(&rw.sem);
		if (atomic_inc_return(&rw.writers_in) != 1 ||
		    atomic_read(&rw.readers_in))
			rw.violation = true;
		rw.writes++;
		udelay(10);
		atomic_dec(&rw.writers_in);
		if (i & 1) {
			up_write(&rw.sem);
			continue;
		}
		downgrade_write(&rw.sem);
		atomic_inc(&rw.readers_in);
		udelay(10);
		atomic_dec(&rw.readers_in);
		up_read(&rw.sem);
	}
}

static void rwsem_writers_exclude(struct ktest *t)
{
	struct task_struct *tasks[RW_READERS + RW_WRITERS];
	int n = 0;

	init_rwsem(&rw.sem);
	atomic_set(&rw.readers_in, 0);
	atomic_set(&rw.writers_in, 0);
	rw.violation = false;
	rw.writes = 0;
	for (int i = 0; i < RW_READERS; i++)
		tasks[n++] = start_thread(mixed_reader, NULL, "lk-rd", -1);
	for (int i = 0; i < RW_WRITERS; i++)
		tasks[n++] = start_thread(mixed_writer, NULL, "lk-wr", -1);
	for (int i = 0; i < n; i++)
		if (tasks[i])
			kthread_join(tasks[i]);
	KTEST_EXPECT_FALSE(t, rw.violation);
	KTEST_EXPECT_EQ(t, rw.writes, RW_WRITERS * RW_ITERS);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&rw.sem));
}

static void ordered_writer(void *arg)
{
	down_write(&rw.sem);
	rw.order[0] = atomic_inc_return(&rw.seq);
	up_write(&rw.sem);
}

static void ordered_reader(void *arg)
{
	down_read(&rw.sem);
	rw.order[1] = atomic_inc_return(&rw.seq);
	up_read(&rw.sem);
}

/* A reader arriving after a queued writer waits behind it. */
static void rwsem_writer_not_starved(struct ktest *t)
{
	struct task_struct *w, *r;

	init_rwsem(&rw.sem);
	atomic_set(&rw.seq, 0);
	down_read(&rw.sem);
	w = start_thread(ordered_writer, NULL, "lk-writer", -1);
	KTEST_ASSERT_NOT_NULL(t, w);
	KTEST_EXPECT_TRUE(t, wait_until_blocked(w));
	KTEST_EXPECT_TRUE(t, rwsem_is_contended(&rw.sem));
	KTEST_EXPECT_FALSE(t, down_write_trylock(&rw.sem));
	r = start_thread(ordered_reader, NULL, "lk-reader", -1);
	KTEST_EXPECT_TRUE(t, r && wait_until_blocked(r));
	up_read(&rw.sem);
	kthread_join(w);
	if (r)
		kthread_join(r);
	KTEST_EXPECT_EQ(t, rw.order[0], 1);
	KTEST_EXPECT_EQ(t, rw.order[1], 2);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&rw.sem));
}

/* ---- completions ------------------------------------------------------ */

static struct {
	struct completion done;
	atomic_t woken;
	bool flag;
} cmp;

static void completer(void *arg)
{
	msleep(10);
	WRITE_ONCE(cmp.flag, true);
	complete(&cmp.done);
}

static void completion_waiter(void *arg)
{
	wait_for_completion(&cmp.done);
	atomic_inc(&cmp.woken);
}

static void completion_wakes_waiter(struct ktest *t)
{
	struct task_struct *c;

	init_completion(&cmp.done);
	cmp.flag = false;
	c = start_thread(completer, NULL, "lk-complete", -1);
	KTEST_ASSERT_NOT_NULL(t, c);
	wait_for_completion(&cmp.done);
	KTEST_EXPECT_TRUE(t, READ_ONCE(cmp.flag));
	kthread_join(c);

	/* A complete() before the wait is remembered, once. */
	complete(&cmp.done);
	KTEST_EXPECT_TRUE(t, completion_done(&cmp.done));
	KTEST_EXPECT_TRUE(t, try_wait_for_completion(&cmp.done));
	KTEST_EXPECT_FALSE(t, try_wait_for_completion(&cmp.done));
}

static void completion_timeout(struct ktest *t)
{
	u64 start = jiffies;
	unsigned long left;

	init_completion(&cmp.done);
	left = wait_for_completion_timeout(&cmp.done, 5);
	KTEST_EXPECT_EQ(t, left, 0);
	KTEST_EXPECT_TRUE(t, jiffies - start >= 5);
	complete(&cmp.done);
	left = wait_for_completion_timeout(&cmp.done, 100);
	KTEST_EXPECT_TRUE(t, left > 0);
}

/* complete() lets exactly one waiter through; complete_all() the rest. */
static void completion_one_vs_all(struct ktest *t)
{
	struct task_struct *w[3];

	init_completion(&cmp.done);
	atomic_set(&cmp.woken, 0);
	for (int i = 0; i < 3; i++) {
		w[i] = start_thread(completion_waiter, NULL, "lk-cwait", -1);
		KTEST_ASSERT_NOT_NULL(t, w[i]);
	}
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_TRUE(t, wait_until_blocked(w[i]));
	complete(&cmp.done);
	msleep(50);
	KTEST_EXPECT_EQ(t, atomic_read(&cmp.woken), 1);
	complete_all(&cmp.done);
	for (int i = 0; i < 3; i++)
		kthread_join(w[i]);
	KTEST_EXPECT_EQ(t, atomic_read(&cmp.woken), 3);
	/* After complete_all(), waiting never blocks until reinit. */
	wait_for_completion(&cmp.done);
	reinit_completion(&cmp.done);
	KTEST_EXPECT_FALSE(t, try_wait_for_completion(&cmp.done));
}

/* ---- wait queues ------------------------------------------------------ */

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static bool wq_flag;

static void wq_setter(void *arg)
{
	msleep(20);
	WRITE_ONCE(wq_flag, true);
	wake_up(&test_wq);
}

static void wait_event_wakes(struct ktest *t)
{
	struct task_struct *s;
	long left;

	wq_flag = false;
	s = start_thread(wq_setter, NULL, "lk-wqset", -1);
	KTEST_ASSERT_NOT_NULL(t, s);
	wait_event(test_wq, READ_ONCE(wq_flag));
	KTEST_EXPECT_TRUE(t, wq_flag);
	kthread_join(s);
	KTEST_EXPECT_FALSE(t, waitqueue_active(&test_wq));

	/* Already true: returns at once, with time left. */
	left = wait_event_timeout(test_wq, READ_ONCE(wq_flag), 10);
	KTEST_EXPECT_EQ(t, left, 10);
}

static void wait_event_times_out(struct ktest *t)
{
	u64 start = jiffies;
	long left;

	wq_flag = false;
	left = wait_event_timeout(test_wq, READ_ONCE(wq_flag), 5);
	KTEST_EXPECT_EQ(t, left, 0);
	KTEST_EXPECT_TRUE(t, jiffies - start >= 5);
	KTEST_EXPECT_FALSE(t, waitqueue_active(&test_wq));
}

KTEST_SUITE(locking, "locking",
	    KTEST_CASE(mutex_counts_on_every_cpu),
	    KTEST_CASE(spinlock_counts_on_every_cpu),
	    KTEST_CASE(mutex_fifo_and_contended),
	    KTEST_CASE(rwsem_readers_share),
	    KTEST_CASE(rwsem_writers_exclude),
	    KTEST_CASE(rwsem_writer_not_starved),
	    KTEST_CASE(completion_wakes_waiter),
	    KTEST_CASE(completion_timeout),
	    KTEST_CASE(completion_one_vs_all),
	    KTEST_CASE(wait_event_wakes),
	    KTEST_CASE(wait_event_times_out));
