; SPDX-License-Identifier: MIT
;
; kernel/switch_to.asm: switching kernel stacks between tasks.
;
;   struct thread_struct *__switch_to_asm(struct thread_struct *prev,
;                                         struct thread_struct *next);
;   ret_from_kernel_thread: where a new task's first switch "returns"
;
; (struct thread_struct and the frame are in asm/processor.h;
; kernel/process.c builds a new task's first frame, and its
; arch_switch_to() switches the user context, then calls us.)
;
; A task is switched out by calling __switch_to_asm(): it pushes the
; registers the SysV ABI says a call preserves, saves RSP in prev, loads
; next's RSP and pops next's registers. The "ret" then returns into
; whatever call of __switch_to_asm() next made when it was switched out,
; so to each task the switch looks like an ordinary function call that
; took a while. Everything else was already saved by the C compiler
; around the call. The stack of a switched-out task:
;
;        | ...  caller's frames   |
;        | return address         |  into the scheduler (or, for a new
;        | rbp                    |  task, ret_from_kernel_thread)
;        | rbx                    |
;        | r12                    |
;        | r13                    |
;        | r14                    |
;        | r15                    |  <- thread_struct.sp
;
; The return value. When this task resumes, it is because some *other*
; task called __switch_to_asm(that_task, this_task): RDI then holds that
; task's thread_struct, not ours (RDI is not saved in the frame). Copying
; RDI to RAX after the switch therefore returns "the task that ran just
; before me on this CPU", which the scheduler needs to finish the switch
; (Linux's switch_to(prev, next, last) does the same). A new task gets
; it the same way, in RAX at ret_from_kernel_thread.
;
; Interrupts are off across the switch (the caller's job), so nothing
; can run on either stack while RSP is half-way.

THREAD_SP	equ 0		; offsetof(struct thread_struct, sp)

extern kernel_thread_returned

global __switch_to_asm, ret_from_kernel_thread

section .text
bits 64

align 16
__switch_to_asm:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi + THREAD_SP], rsp
	mov rsp, [rsi + THREAD_SP]
	; From here on we are the next task, and RDI is "prev" as it
	; resumed us: see the comment at the top.
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	mov rax, rdi
	ret

; A new task's first __switch_to_asm() "returns" here (kernel/process.c
; puts this address in its frame), with RBX = fn, R12 = arg, RBP = 0 and
; RSP 16-byte aligned, so the call below meets the ABI. RBP = 0 ends the
; frame-pointer chain: a backtrace from inside fn stops right here.
; (RAX holds the previous task, as for any switch; the generic scheduler
; finds it in its runqueue instead, so fn is not given it.)
align 16
ret_from_kernel_thread:
	mov rdi, r12
	call rbx
	; fn must never return: there is nothing above us on this stack.
	mov rdi, rbx
	call kernel_thread_returned
	ud2
