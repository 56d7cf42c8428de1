; SPDX-License-Identifier: MIT
;
; boot/head.asm: from GRUB to start_kernel().
;
; GRUB (multiboot2) jumps to _start in 32-bit protected mode, paging off,
; interrupts off, no usable stack or IDT, with EAX = 0x36d76289 and
; EBX = the physical address of the boot information (MBI). We:
;
;   1. read the TSC (for boot_params.entry_cycles) and save EAX/EBX,
;   2. check that this CPU can run 64-bit code,
;   3. load a boot GDT and the boot page tables below, turn on PAE, long
;      mode (EFER.LME) and paging: we are now in 64-bit mode, still
;      running at the low (physical) address,
;   4. jump to the kernel's linked address, 0xffffffff80000000 + phys,
;   5. zero the BSS, switch to the boot stack, call start_kernel().
;
; Everything up to step 4 lives in the ".boot" sections, linked and loaded
; at 1 MiB (asm/vmlinux.lds.h). The boot page tables map three windows
; onto the same first physical GiBs, with 2 MiB pages:
;
;   0x0000000000000000 + 4 GiB  identity: the code running right now
;   0xffff888000000000 + 4 GiB  direct map: __va() works from the start
;   0xffffffff80000000 + 1 GiB  kernel image: where C is linked
;
; setup_arch() replaces them (mm/init.c) and the identity window goes
; away. docs/x86_64.md walks through all of this with pictures.
;
; The other CPUs start in realmode/trampoline.asm and enter the kernel at
; secondary_startup_64, at the end of this file.

; Both as in asm/page.h (__START_KERNEL_map, PAGE_OFFSET).
KERNEL_VIRT_OFFSET	equ 0xffffffff80000000
PAGE_OFFSET		equ 0xffff888000000000

MB2_HEADER_MAGIC	equ 0xe85250d6
MB2_ARCH_I386		equ 0		; i386 protected mode, for 64-bit too
MB2_BOOTLOADER_MAGIC	equ 0x36d76289

BOOT_CS			equ 0x08	; asm/segment.h __KERNEL_CS
BOOT_DS			equ 0x10	; asm/segment.h __KERNEL_DS

CR0_PE			equ 1 << 0
CR0_PG			equ 1 << 31
CR4_PAE			equ 1 << 5
MSR_EFER		equ 0xc0000080
EFER_LME		equ 1 << 8

PTE_TABLE		equ 0x003	; present, writable: points to a table
PTE_LARGE		equ 0x083	; present, writable, 2 MiB page (PSE)

BOOT_STACK_SIZE		equ 16384

COM1			equ 0x3f8

extern start_kernel, x86_start_secondary
extern __bss_start, __bss_stop

global _start, secondary_startup_64
global x86_boot_magic, x86_boot_mbi, x86_boot_tsc
global boot_stack_guard, boot_stack_bottom, boot_stack_top

; --------------------------------------------------------------------------
; The multiboot2 header: GRUB looks for it in the first 32 KiB of the file.
; It asks for nothing (no framebuffer, no special tags): just the end tag.
section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
	dd MB2_HEADER_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header
	dd 0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + \
			  (mb2_header_end - mb2_header))
	dw 0, 0			; end tag: type 0, flags 0,
	dd 8			; size 8
mb2_header_end:

; --------------------------------------------------------------------------
section .boot.text progbits alloc exec nowrite align=16
bits 32

_start:
	; The TSC first, so entry_cycles is as close to GRUB's jump as we
	; can get. rdtsc overwrites EAX (the multiboot magic): park it.
	mov esi, eax
	rdtsc
	mov [boot_entry_tsc], eax
	mov [boot_entry_tsc + 4], edx
	mov [boot_mb_magic], esi
	mov [boot_mb_info], ebx
	cld

	; A different loader would leave EBX meaning something else.
	cmp esi, MB2_BOOTLOADER_MAGIC
	mov esi, msg_no_multiboot
	jne boot_fail

	; Long mode is CPUID 0x80000001 EDX bit 29, if that leaf exists.
	mov eax, 0x80000000
	cpuid
	cmp eax, 0x80000001
	mov esi, msg_no_long_mode
	jb boot_fail
	mov eax, 0x80000001
	cpuid
	test edx, 1 << 29
	jz boot_fail

	; GRUB's GDT lives in memory we will reuse: bring our own, and
	; reload the data segments from it (CS is reloaded by the far jump).
	lgdt [boot_gdt_ptr]
	mov ax, BOOT_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov fs, ax
	mov gs, ax

	; Long mode = PAE paging + EFER.LME + CR0.PG, in this order.
	mov eax, cr4
	or eax, CR4_PAE
	mov cr4, eax
	mov eax, boot_pgd
	mov cr3, eax
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME
	wrmsr
	mov eax, cr0
	or eax, CR0_PG | CR0_PE
	mov cr0, eax

	; Paging is on (identity-mapped, so this next fetch still works) and
	; we are in "compatibility mode" until CS holds a 64-bit segment.
	jmp BOOT_CS:start64_low

; Print the string at ESI on COM1 and stop. No stack, no IDT: plain loops.
boot_fail:
	lodsb
	test al, al
	jz .halt
	mov bl, al
	mov dx, COM1 + 5	; line status register
.wait:	in al, dx
	test al, 0x20		; transmitter empty?
	jz .wait
	mov al, bl
	mov dx, COM1
	out dx, al
	jmp boot_fail
.halt:	cli
	hlt
	jmp .halt

bits 64
start64_low:
	; 64-bit mode at last. Jump to the higher half: an absolute jump,
	; because a relative one would land at the low alias again.
	mov rax, start64
	jmp rax

; --------------------------------------------------------------------------
section .boot.data progbits alloc noexec write align=16

; The boot GDT: the same selectors as the final one (kernel/gdt.c).
boot_gdt:
	dq 0				; null
	dq 0x00af9a000000ffff		; 0x08: code, 64-bit (L=1), ring 0
	dq 0x00cf92000000ffff		; 0x10: data, flat 4 GiB, writable
boot_gdt_end:
boot_gdt_ptr:
	dw boot_gdt_end - boot_gdt - 1
	dd boot_gdt

boot_entry_tsc:	dq 0
boot_mb_magic:	dd 0
boot_mb_info:	dd 0

msg_no_multiboot:
	db "anvil: not started by a multiboot2 loader (EAX is wrong)", 13, 10, 0
msg_no_long_mode:
	db "anvil: this CPU has no 64-bit long mode", 13, 10, 0

; --------------------------------------------------------------------------
; The boot page tables, as data: the assembler writes every entry, so no
; code has to run before paging is on. 28 KiB, never freed.
section .boot.pgtables progbits alloc noexec write align=4096

; PGD (Intel: PML4): one entry per 512 GiB of virtual space.
boot_pgd:
	dq boot_pud_low + PTE_TABLE			; identity
	times ((PAGE_OFFSET >> 39) & 511) - 1 dq 0
	dq boot_pud_low + PTE_TABLE			; direct map
	times 511 - ((PAGE_OFFSET >> 39) & 511) - 1 dq 0
	dq boot_pud_high + PTE_TABLE			; kernel image

; PUD (PDPT) for the identity and direct-map windows: 4 x 1 GiB.
align 4096
boot_pud_low:
	dq boot_pmd + 0 * 4096 + PTE_TABLE
	dq boot_pmd + 1 * 4096 + PTE_TABLE
	dq boot_pmd + 2 * 4096 + PTE_TABLE
	dq boot_pmd + 3 * 4096 + PTE_TABLE
	times 508 dq 0

; PUD for the top 512 GiB: 0xffffffff80000000 is its entry 510.
align 4096
boot_pud_high:
	times ((KERNEL_VIRT_OFFSET >> 30) & 511) dq 0
	dq boot_pmd + PTE_TABLE			; physical 0-1 GiB
	times 511 - ((KERNEL_VIRT_OFFSET >> 30) & 511) dq 0

; PMDs (page directories): 4 tables x 512 entries x 2 MiB = 0-4 GiB.
align 4096
boot_pmd:
%assign i 0
%rep 4 * 512
	dq (i << 21) + PTE_LARGE
%assign i i + 1
%endrep

; --------------------------------------------------------------------------
; From here on: the higher half, linked at 0xffffffff80000000 + phys.
section .text
bits 64

start64:
	; C expects zero-initialized globals to be zero. GRUB zeroes the
	; BSS on QEMU, but the multiboot2 spec does not promise it.
	mov rdi, __bss_start
	mov rcx, __bss_stop
	sub rcx, rdi
	shr rcx, 3
	xor eax, eax
	rep stosq

	; Hand GRUB's registers and the entry TSC to C. The low copies are
	; still reachable through the identity window ("abs": a 32-bit
	; absolute address, since they are far from this code).
	mov eax, [abs boot_mb_magic]
	mov [rel x86_boot_magic], eax
	mov eax, [abs boot_mb_info]
	mov [rel x86_boot_mbi], eax
	mov rax, [abs boot_entry_tsc]
	mov [rel x86_boot_tsc], rax

	lea rsp, [rel boot_stack_top]
	xor ebp, ebp		; ends the frame-pointer chain for backtraces
	call start_kernel
	cli			; start_kernel() does not return, but if it did:
	hlt
	jmp $ - 1		; back to the hlt

; Secondary CPUs arrive here from the SMP trampoline (realmode/
; trampoline.asm) in 64-bit mode, interrupts off, on the trampoline's page
; table, with RSP = the stack kernel/smpboot.c gave this CPU and EDI =
; its logical number. The rest is C: kernel/smpboot.c.
secondary_startup_64:
	xor ebp, ebp		; ends the frame-pointer chain, as above
	call x86_start_secondary
	cli			; it does not return
	hlt
	jmp $ - 1

section .data
align 8
x86_boot_tsc:	dq 0
x86_boot_magic:	dd 0
x86_boot_mbi:	dd 0

; The boot stack, which start_kernel() and the idle loop keep using.
; Below it is a guard page that mm/init.c leaves unmapped: overflowing
; the stack faults (and becomes a double fault, reported on its own IST
; stack) instead of silently overwriting the BSS.
section .bss nobits alloc noexec write align=4096
boot_stack_guard:
	resb 4096
boot_stack_bottom:
	resb BOOT_STACK_SIZE
boot_stack_top:
