// SPDX-License-Identifier: MIT
/*
 * kernel/kthread.c: kernel threads (interface in <anvil/sched.h>).
 *
 * A kthread is a task_struct, a kernel stack (THREAD_SIZE, from the page
 * allocator, or from vmalloc with anvil.vmap_stack) and a function. It is born as if it had just called
 * __schedule(): the arch's first switch into it lands in kthread_entry(),
 * which finishes that switch (unlocks the runqueue, drops the preempt
 * count the switch held) and calls the function.
 *
 * Lifetime: the creator owns the thread and must kthread_join() it. The
 * stack can only be freed once the dead thread has switched away for good
 * (finish_task_switch() runs kthread_finish_exit() on the next task), so
 * join waits for that, not just for the function to return.
 */
#include <anvil/arch.h>
#include <anvil/completion.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/slab.h>
#include <anvil/param.h>
#include <anvil/string.h>
#include <anvil/vmalloc.h>

#include "sched/sched.h"

static atomic_t next_pid = ATOMIC_INIT(0);

static void kthread_entry(void *arg)
{
	struct task_struct *self = arg;

	finish_task_switch(this_rq());
	local_irq_enable();
	preempt_enable();
	self->fn(self->fn_arg);
	kthread_exit();
}

/*
 * anvil.vmap_stack: kernel stacks from vmalloc() instead of the buddy
 * allocator. The page below a vmalloc area is never mapped (the guard
 * of the area before it, or free space), so a stack that overflows
 * faults there instead of overwriting whatever lies below it in the
 * direct map. Off by default: ppc64 cannot take exceptions on such a
 * stack (HAVE_ARCH_VMAP_STACK, <asm/pgtable.h>), so one default for
 * both arches means off; x86_64 passes the in-kernel tests with it on.
 */
bool vmap_stack_enabled;

static int set_vmap_stack(const char *val)
{
	bool on;

	if (!val || !strcmp(val, "1") || !strcmp(val, "on"))
		on = true;
	else if (!strcmp(val, "0") || !strcmp(val, "off"))
		on = false;
	else
		return -1;
	if (on && !HAVE_ARCH_VMAP_STACK) {
		pr_warn("anvil.vmap_stack: not supported on this arch, "
			"ignored\n");
		on = false;
	}
	vmap_stack_enabled = on;
	return 0;
}
kernel_param("anvil.vmap_stack", set_vmap_stack,
	     "kernel stacks in the vmalloc area, guard page below: 1 or 0 "
	     "(default 0; x86_64 only)");

/*
 * The guard page is below the stack, whichever allocator it came from:
 * for a direct-map stack the page is mapped and this is only a hint
 * (no fault would happen there), for a vmalloc stack it is the page an
 * overflow faults on.
 */
bool task_stack_guard_page(const struct task_struct *t, unsigned long addr)
{
	unsigned long base;

	if (!t || !t->stack)
		return false;
	base = (unsigned long)t->stack;
	return addr < base && addr >= base - PAGE_SIZE;
}

/*
 * A kernel stack. Idle tasks keep direct-map stacks: a secondary CPU
 * starts on its idle stack through the SMP trampoline, which is easier
 * to reason about with the stack in the linear map.
 */
static void *alloc_thread_stack(bool vmap)
{
	struct page *stack;

	if (vmap)
		return vmalloc(THREAD_SIZE);
	stack = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	return stack ? page_address(stack) : NULL;
}

static void free_thread_stack(void *stack)
{
	if (is_vmalloc_addr(stack))
		vfree(stack);
	else
		__free_pages(virt_to_page(stack), THREAD_SIZE_ORDER);
}

/* A task_struct with a stack, ready to be switched to. */
static struct task_struct *task_alloc(const char *name, bool vmap)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	t->stack = alloc_thread_stack(vmap);
	if (!t->stack) {
		kfree(t);
		return NULL;
	}
	strlcpy(t->comm, name, sizeof(t->comm));
	INIT_LIST_HEAD(&t->run_list);
	t->cpus_allowed = CPU_MASK_ALL;
	t->slice = SCHED_SLICE_TICKS;
	spin_lock(&tasklist_lock);
	list_add_tail(&t->tasks, &init_task.tasks);
	spin_unlock(&tasklist_lock);
	return t;
}

static void task_free(struct task_struct *t)
{
	spin_lock(&tasklist_lock);
	list_del(&t->tasks);
	spin_unlock(&tasklist_lock);
	free_thread_stack(t->stack);
	kfree(t);
}

/* A task made by kthread_create() that was never started. */
void kthread_free_unstarted(struct task_struct *t)
{
	task_free(t);
}

struct task_struct *kthread_create(void (*fn)(void *), void *arg,
				   const char *name)
{
	struct task_struct *t = task_alloc(name, vmap_stack_enabled);

	if (!t)
		return NULL;
	/* Idle tasks keep pid 0, as in Linux: the first kthread after them
	 * (kernel_init, which becomes init) is pid 1. */
	t->pid = atomic_inc_return(&next_pid);
	t->fn = fn;
	t->fn_arg = arg;
	t->state = TASK_UNINTERRUPTIBLE; /* until kthread_run/wake_up */
	t->preempt_count = 1; /* held by the switch that first runs it */
	arch_thread_setup(&t->thread, (char *)t->stack + THREAD_SIZE,
			  kthread_entry, t);
	return t;
}

void kthread_start(struct task_struct *t)
{
	wake_up_new_task(t);
}

struct task_struct *kthread_run(void (*fn)(void *), void *arg,
				const char *name)
{
	struct task_struct *t = kthread_create(fn, arg, name);

	if (t)
		kthread_start(t);
	return t;
}

void kthread_bind(struct task_struct *t, unsigned int cpu)
{
	t->cpus_allowed = cpumask_of(cpu);
	t->cpu = cpu;
}

void kthread_exit(void)
{
	preempt_disable();
	current->state = TASK_DEAD;
	__schedule_dead();
}

/* t->exit_done once kthread_finish_exit() has run: nobody may wait now. */
#define EXIT_DONE ((struct completion *)1)

/*
 * @t has switched away for the last time (finish_task_switch, on the
 * next task). The xchg below is our last access to @t: from the moment
 * it is done, a joiner may free it. (An earlier version set a flag and
 * then looked for a joiner in @t; a joiner that saw the flag could free
 * @t in between, and the look read freed memory.)
 */
void kthread_finish_exit(struct task_struct *t)
{
	struct completion *done;

	smp_store_release(&t->exited, true);
	done = xchg(&t->exit_done, EXIT_DONE);
	if (done)
		complete(done);	/* the joiner's, on its stack: alive */
}

void kthread_join(struct task_struct *t)
{
	struct completion done;

	init_completion(&done);
	/* Either we get in before the finish (it completes us), or it has
	 * finished already (EXIT_DONE): in both cases @t is ours after. */
	if (!cmpxchg(&t->exit_done, NULL, &done))
		wait_for_completion(&done);
	task_free(t);
}

/* An idle task for a CPU about to start (kernel/smp.c). */
struct task_struct *idle_task_create(unsigned int cpu)
{
	char name[TASK_COMM_LEN];
	struct task_struct *t;

	snprintf(name, sizeof(name), "swapper/%u", cpu);
	t = task_alloc(name, false);
	if (!t)
		return NULL;
	t->cpu = cpu;
	t->cpus_allowed = cpumask_of(cpu);
	t->state = TASK_RUNNING;
	t->on_cpu = 1;
	return t;
}
