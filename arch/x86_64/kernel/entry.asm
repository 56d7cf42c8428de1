; SPDX-License-Identifier: MIT
;
; kernel/entry.asm: every way into the kernel, and back out.
;
;   vector_N             interrupts and exceptions (the IDT, kernel/idt.c)
;   entry_SYSCALL_64     the "syscall" instruction (MSR_LSTAR)
;   entry_SYSCALL_compat "syscall" from 32-bit code: refused (MSR_CSTAR)
;   x86_ret_to_user      leave for user mode through a pt_regs
;
; The C halves: x86_handle_vector() (kernel/traps.c) and x86_syscall()
; (kernel/syscall.c). Both entries leave the same frame on the stack, a
; struct pt_regs (asm/ptrace.h), built from the top down:
;
;     interrupt / exception            syscall
;     ---------------------            -------
;     ss, rsp, rflags, cs, rip         the same five, pushed by us: the
;       pushed by the CPU                user's RSP, RFLAGS (in R11),
;                                        RIP (in RCX), user CS and SS
;     error code (CPU's, or 0)         orig_ax: the syscall number
;     vector                           X86_SYSCALL_VECTOR (-1)
;     rdi ... r15                      rdi ... r15
;   rsp-> (struct pt_regs *)
;
; The frame is 22 quadwords, so RSP stays 16-byte aligned for C.
;
; User mode. Its stack is never trusted: when user mode is interrupted
; the CPU itself switches to TSS.rsp0; "syscall" switches nothing, so
; entry_SYSCALL_64 loads the stack from this CPU's cpu_entry slot (both
; hold the running task's thread.sp0, set at each context switch by
; kernel/process.c). GS: in the kernel, the GS base is the per-CPU area
; (asm/percpu.h); in user mode it is the user's, and "swapgs" exchanges
; the two (MSR_KERNEL_GS_BASE holds the other one). So every entry from
; ring 3 starts with swapgs and every return to ring 3 ends with one; an
; entry from ring 0 must not swap. Which ring we came from is the RPL of
; the saved CS, except for the three "paranoid" vectors below.
;
;   ring 3 --syscall--> entry_SYSCALL_64: swapgs, user RSP to cpu_entry,
;                       RSP = cpu_entry.top_of_stack, build pt_regs,
;                       x86_syscall(): do_syscall(), exit_to_user_mode()
;            <-sysret-- restore, RSP = user's, swapgs, sysretq
;            <-iretq--- (when SYSRET is not safe: x86_syscall says)
;
; Paranoid vectors (NMI, double fault, machine check) can arrive
; anywhere, even between the syscall's first instruction and its swapgs,
; so the saved CS does not tell which GS base is live. They run on their
; own IST stacks (kernel/idt.c) and ask the GS base MSR instead: the
; kernel's is a kernel address (negative), a user's never is
; (sys_arch_prctl refuses those).
;
; After an interrupt that hit kernel code with interrupts on,
; x86_handle_vector() may preempt the task right there, with this frame
; on its stack; it resumes at the iretq when scheduled again. A handler
; need not return at all: die() may longjmp into a kernel test that
; expected the fault (lib/setjmp.asm restores RFLAGS).

extern x86_handle_vector, x86_syscall, x86_smap_enabled
extern x86_cpu_entry_offset		; linker script: cpu_entry's offset
					; in the per-CPU area (asm/desc.h)
global vector_stub_table
global entry_SYSCALL_64, entry_SYSCALL_compat, x86_ret_to_user

; The CPU pushes an error code for these vectors only.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || \
			   (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)
; NMI, double fault, machine check: see the top.
%define PARANOID(v) ((v) == 2 || (v) == 8 || (v) == 18)

PT_RIP		equ 17 * 8	; offsetof(struct pt_regs, rip)
CE_TOP_OF_STACK	equ 0		; offsetof(struct x86_cpu_entry, ...)
CE_USER_RSP	equ 8
USER_DS		equ 0x23	; __USER_DS (asm/segment.h)
USER_CS		equ 0x2b	; __USER_CS
MSR_GS_BASE	equ 0xc0000101
ENOSYS		equ 38

; The general registers, in struct pt_regs order (last pushed first).
%macro PUSH_REGS 0
	push rdi
	push rsi
	push rdx
	push rcx
	push rax
	push r8
	push r9
	push r10
	push r11
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
%endmacro

%macro POP_REGS 0
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	pop r11
	pop r10
	pop r9
	pop r8
	pop rax
	pop rcx
	pop rdx
	pop rsi
	pop rdi
%endmacro

; Interrupt delivery does not clear RFLAGS.AC, and user mode may set it:
; left on, it would switch SMAP off in the handler. (The jump skips the
; 3-byte clac without a label: NASM would emit one as a symbol, and gdb
; and kallsyms would then name this code after it, not its routine.)
%macro CLAC 0
	cmp byte [x86_smap_enabled], 0
	je short $ + 5
	clac
%endmacro

section .text
bits 64

%macro VECTOR_STUB 1
align 16
vector_%1:
%if HAS_ERROR_CODE(%1) == 0
	push 0			; no error code: keep the frame uniform
%endif
	push %1
%if PARANOID(%1)
	jmp paranoid_entry
%else
	jmp common_entry
%endif
%endmacro

%assign v 0
%rep 256
	VECTOR_STUB v
%assign v v + 1
%endrep

align 16
common_entry:
	test byte [rsp + 3 * 8], 3	; the saved CS, above vector, error, rip
	jz .from_kernel
	swapgs
.from_kernel:
	cld			; the ABI says DF is clear on function entry
	PUSH_REGS
	mov ebx, 2		; leave by the saved CS (see below)

; Both entries call the C handler from this one place, so that gdb's
; unwinder (scripts/gdb/anvil_unwind.py) finds every exception frame at
; one return address inside common_entry. RBX (callee-saved: it survives
; the call) says how to leave: 2 by the saved CS; paranoid: 1 swapgs
; back (GS was the user's), 0 as is (GS was the kernel's).
.call_handler:
	CLAC
	; A fake stack frame whose return address is the interrupted RIP, so
	; a frame-pointer backtrace from inside the handler walks on through
	; the interrupted function. (A user RBP ends the walk there:
	; kernel/stacktrace.c only follows kernel addresses.)
	mov rdi, rsp
	push qword [rdi + PT_RIP]
	push rbp
	mov rbp, rsp
	call x86_handle_vector
	add rsp, 16
	cmp ebx, 2
	jne paranoid_exit
	; fall through

; Pop a pt_regs at RSP and iretq, swapping GS back if going to ring 3.
restore_regs_and_iret:
	POP_REGS
	add rsp, 16		; vector and error code
	test byte [rsp + 8], 3	; the CS we return to
	jz .to_kernel
	swapgs
.to_kernel:
	iretq

align 16
paranoid_entry:
	cld
	PUSH_REGS
	mov ecx, MSR_GS_BASE
	rdmsr
	xor ebx, ebx
	test edx, edx
	js common_entry.call_handler	; negative: the kernel's base
	swapgs
	mov ebx, 1
	jmp common_entry.call_handler

paranoid_exit:
	test ebx, ebx
	jz .no_swap
	swapgs
.no_swap:
	POP_REGS
	add rsp, 16
	iretq

; "syscall" from 64-bit user mode. The CPU saved RIP in RCX and RFLAGS in
; R11, loaded the kernel CS/SS from MSR_STAR and cleared the RFLAGS bits
; of MSR_SYSCALL_MASK (IF among them: no interrupt until we are on the
; kernel stack). Nothing else changed: RSP is still the user's.
align 16
entry_SYSCALL_64:
	swapgs
	mov [gs:x86_cpu_entry_offset + CE_USER_RSP], rsp
	mov rsp, [gs:x86_cpu_entry_offset + CE_TOP_OF_STACK]
	push USER_DS				; ss
	push qword [gs:x86_cpu_entry_offset + CE_USER_RSP] ; rsp
	push r11				; rflags
	push USER_CS				; cs
	push rcx				; rip
	push rax				; orig_ax
	push -1					; X86_SYSCALL_VECTOR
	PUSH_REGS
	xor ebp, ebp		; the backtrace chain ends here
	mov rdi, rsp
	call x86_syscall	; returns with interrupts off
	test al, al
	jz restore_regs_and_iret
	; SYSRET: x86_syscall checked that RCX == RIP and R11 == RFLAGS in
	; the frame, with RIP canonical, so popping them is right too.
	POP_REGS
	mov rcx, [rsp + 2 * 8]			; rip
	mov r11, [rsp + 4 * 8]			; rflags
	mov rsp, [rsp + 5 * 8]			; the user's stack
	swapgs
	o64 sysret

; "syscall" from 32-bit compatibility mode: anvil runs no 32-bit code.
; Answer ENOSYS right away, touching neither GS nor the (user) stack.
align 16
entry_SYSCALL_compat:
	mov eax, -ENOSYS
	o32 sysret

; void x86_ret_to_user(struct pt_regs *regs): leave for user mode
; through regs, the top of this task's kernel stack (interrupts off).
align 16
x86_ret_to_user:
	mov rsp, rdi
	jmp restore_regs_and_iret

; The stubs' addresses, for kernel/idt.c.
section .rodata
align 8
vector_stub_table:
%assign v 0
%rep 256
	dq vector_ %+ v
%assign v v + 1
%endrep
