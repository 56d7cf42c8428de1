; SPDX-License-Identifier: MIT
;
; realmode/trampoline.asm: the first code a secondary CPU runs.
;
; Built as a flat binary (nasm -f bin, see arch/x86_64/Makefile.inc) and
; included into the kernel by realmode/rmpiggy.asm. kernel/smpboot.c
; copies it to physical TRAMPOLINE_PHYS (0x8000), fills in the header
; below and sends the CPU a Startup IPI with vector 0x08: the CPU wakes
; in 16-bit real mode at CS:IP = 0x0800:0000, i.e. at our first byte.
;
; From there we go straight to 64-bit long mode, without stopping in
; 32-bit protected mode: load a GDT, turn on PAE, point CR3 at a page
; table that maps both this page (identity) and the kernel, set
; EFER.LME, then CR0.PE and CR0.PG in one write, and far-jump to a
; 64-bit code segment. Then we load the stack and jump to the kernel's
; secondary_startup_64 (boot/head.asm) at its higher-half address.
;
;   0x8000 real mode, CS=0x0800 ─► jmp 0:rm_start (CS=0: flat addresses)
;          lgdt, CR4.PAE, CR3, EFER, CR0.PE|PG ─► jmp 0x08:lm_start
;          64-bit, identity-mapped ─► rsp = stack, edi = cpu
;          ─► jmp secondary_startup_64 (0xffffffff8...)
;
; The header layout is struct trampoline_header in kernel/smpboot.c:
; change both together (smpboot.c checks the signature).

CR0_PE		equ 1 << 0
CR0_PG		equ 1 << 31
CR4_PAE		equ 1 << 5
MSR_EFER	equ 0xc0000080

TR_CS		equ 0x08	; 64-bit code in tr_gdt below
TR_DS		equ 0x10

bits 16
org 0x8000

tr_base:
	jmp short tr_entry
	align 8, db 0

; --- the header: kernel/smpboot.c writes these before each Startup IPI ---
tr_signature:	db "ANVL"	; checked by smpboot.c
tr_cr3:		dd 0		; trampoline page table, below 4 GiB
tr_efer:	dd 0		; EFER low half: LME and NXE, as the BSP
tr_started:	dd 0		; set to 1 by the CPU as its first act
tr_entry64:	dq 0		; secondary_startup_64, virtual
tr_stack:	dq 0		; the new CPU's stack top, virtual
tr_cpu:		dd 0		; its logical CPU number
		dd 0
; --- end of the header ---

tr_entry:
	cli
	; CS is 0x0800 and IP is small; with org 0x8000 our labels are
	; linear addresses, so make CS (and DS) 0 and they just work.
	jmp 0:rm_start
rm_start:
	xor ax, ax
	mov ds, ax
	mov es, ax
	mov ss, ax
	cld
	mov dword [tr_started], 1	; "I am running": no second SIPI

	o32 lgdt [tr_gdt_ptr]		; o32: a 32-bit base

	mov eax, CR4_PAE
	mov cr4, eax
	mov eax, [tr_cr3]
	mov cr3, eax
	mov ecx, MSR_EFER
	mov eax, [tr_efer]
	xor edx, edx
	wrmsr
	mov eax, CR0_PE | CR0_PG	; and CD/NW clear: caches on
	mov cr0, eax
	; Long mode is active, but CS is still a 16-bit real-mode segment:
	; a far jump with a 32-bit offset loads the 64-bit one.
	jmp dword TR_CS:lm_start

bits 64
lm_start:
	mov eax, TR_DS
	mov ds, eax
	mov es, eax
	mov ss, eax
	; Read everything we need from the header now: once the next CPU is
	; being started, smpboot.c rewrites it.
	mov rsp, [tr_stack]
	mov edi, [tr_cpu]
	mov rax, [tr_entry64]
	jmp rax

align 8
tr_gdt:
	dq 0				; null
	dq 0x00af9a000000ffff		; 0x08: code, 64-bit (L=1), ring 0
	dq 0x00cf92000000ffff		; 0x10: data, flat, writable
tr_gdt_end:
tr_gdt_ptr:
	dw tr_gdt_end - tr_gdt - 1
	dd tr_gdt

tr_end:
%if tr_end - tr_base > 4096
%error "the trampoline must fit in one page"
%endif
