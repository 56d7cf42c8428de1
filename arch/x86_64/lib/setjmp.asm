; SPDX-License-Identifier: MIT
;
; lib/setjmp.asm: arch_setjmp() and arch_longjmp(), as in C.
;
;   int arch_setjmp(struct arch_jmp_buf *buf);           rdi = buf
;   void arch_longjmp(struct arch_jmp_buf *buf, int v);  rdi = buf, esi = v
;
; setjmp saves what a called function must preserve (SysV ABI: rbx, rbp,
; r12-r15 and rsp), its return address and RFLAGS, and returns 0.
; longjmp puts them back and returns v (1 if v is 0) from that setjmp
; call. The layout is struct arch_jmp_buf in asm/setjmp.h.
;
; Why RFLAGS: die() calls longjmp from inside an exception handler, where
; the CPU has cleared IF. Restoring RFLAGS gives the test back the
; interrupt state (and the direction flag) it had at setjmp time.

JB_RBX		equ 0
JB_RBP		equ 8
JB_R12		equ 16
JB_R13		equ 24
JB_R14		equ 32
JB_R15		equ 40
JB_RSP		equ 48
JB_RIP		equ 56
JB_RFLAGS	equ 64

global arch_setjmp, arch_longjmp

section .text
bits 64

arch_setjmp:
	mov [rdi + JB_RBX], rbx
	mov [rdi + JB_RBP], rbp
	mov [rdi + JB_R12], r12
	mov [rdi + JB_R13], r13
	mov [rdi + JB_R14], r14
	mov [rdi + JB_R15], r15
	lea rdx, [rsp + 8]		; the caller's rsp after we return
	mov [rdi + JB_RSP], rdx
	mov rdx, [rsp]			; our return address
	mov [rdi + JB_RIP], rdx
	pushfq
	pop qword [rdi + JB_RFLAGS]
	xor eax, eax
	ret

arch_longjmp:
	mov eax, esi
	test eax, eax
	jnz .nonzero
	inc eax				; setjmp must not appear to return 0
.nonzero:
	mov rbx, [rdi + JB_RBX]
	mov rbp, [rdi + JB_RBP]
	mov r12, [rdi + JB_R12]
	mov r13, [rdi + JB_R13]
	mov r14, [rdi + JB_R14]
	mov r15, [rdi + JB_R15]
	mov rsp, [rdi + JB_RSP]
	; popfq may turn interrupts on: do it last, once on the target stack.
	push qword [rdi + JB_RFLAGS]
	popfq
	jmp [rdi + JB_RIP]
