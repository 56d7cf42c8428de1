; SPDX-License-Identifier: MIT
;
; kernel/entry.asm: every interrupt and exception enters the kernel here.
;
; The IDT (kernel/idt.c) sends vector N to vector_N, one small stub per
; vector. The stub makes every frame look alike, then jumps to
; common_entry, which saves the general registers and calls the C
; dispatcher x86_handle_vector(regs) (kernel/traps.c). The stack then
; holds a struct pt_regs (asm/ptrace.h), built from the top down:
;
;        ss, rsp, rflags, cs, rip    pushed by the CPU
;        error code                  pushed by the CPU, or 0 by the stub
;        vector                      pushed by the stub
;        rdi ... r15                 pushed by common_entry
;   rsp-> (struct pt_regs *)
;
; In 64-bit mode the CPU aligns RSP to 16 bytes before pushing, and the
; frame is 22 quadwords, so the C call below gets the aligned stack the
; ABI requires.
;
; Returning is iretq. On the way, after an *interrupt* that hit kernel
; code running with interrupts on, x86_handle_vector() calls the generic
; preempt_schedule_irq() (kernel/traps.c, irqentry_exit): this task may be
; switched out right there, with this frame still on its stack, and
; resumes at the iretq when it is scheduled again.
;
; A handler need not return: die() may longjmp back into a kernel test
; that expected the fault, which just abandons this frame on the same
; stack (lib/setjmp.asm restores RFLAGS.IF).
;
; User mode, later: swapgs on entry/exit when the saved CS has RPL 3.

extern x86_handle_vector
global vector_stub_table

; The CPU pushes an error code for these vectors only.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || \
			   (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

PT_RIP	equ 17 * 8		; offsetof(struct pt_regs, rip)

section .text
bits 64

%macro VECTOR_STUB 1
align 16
vector_%1:
%if HAS_ERROR_CODE(%1) == 0
	push 0			; no error code: keep the frame uniform
%endif
	push %1
	jmp common_entry
%endmacro

%assign v 0
%rep 256
	VECTOR_STUB v
%assign v v + 1
%endrep

align 16
common_entry:
	cld			; the ABI says DF is clear on function entry
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
	mov rdi, rsp		; argument: struct pt_regs *

	; A fake stack frame whose return address is the interrupted RIP, so
	; a frame-pointer backtrace from inside the handler walks on through
	; the interrupted function instead of skipping it.
	push qword [rdi + PT_RIP]
	push rbp
	mov rbp, rsp
	call x86_handle_vector
	add rsp, 16

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
	add rsp, 16		; vector and error code
	iretq

; The stubs' addresses, for kernel/idt.c.
section .rodata
align 8
vector_stub_table:
%assign v 0
%rep 256
	dq vector_ %+ v
%assign v v + 1
%endrep
