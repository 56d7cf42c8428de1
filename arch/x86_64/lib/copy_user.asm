; SPDX-License-Identifier: MIT
;
; lib/copy_user.asm: the instructions that touch user memory.
;
;   unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
;   unsigned long raw_clear_user(void *to, unsigned long n)
;       return the bytes NOT copied / cleared (0: all done)
;   long raw_strncpy_from_user(char *dst, const char *src, unsigned long n)
;       string length, n if no NUL in n bytes, -EFAULT (-14)
;   long raw_strnlen_user(const char *src, unsigned long n)
;       length + 1, n + 1 if no NUL in n bytes, 0 on a fault
;
; No range checks here: lib/usercopy.c checks access_ok() first and is
; what the rest of the kernel calls (asm/uaccess.h).
;
; Every load or store that may touch a user page is listed in the
; exception table (asm/extable.h) with a fixup label. When it faults and
; the page cannot be faulted in, kernel/traps.c resumes at the fixup,
; which works out how far the copy got and returns that. The string
; instructions make this exact: a "rep movs" that faults leaves RCX =
; the iterations not done, and RSI/RDI at the element that faulted. The
; copy runs by quadwords, and after a fault retries the rest byte by
; byte, to stop at exactly the first byte that cannot be copied.
;
; SMAP: user pages are reachable only between "stac" (set AC) and "clac".
; Both are invalid opcodes on a CPU without SMAP, so they are skipped
; unless kernel/cpu.c turned SMAP on (x86_smap_enabled).

extern x86_smap_enabled

global raw_copy_user, raw_clear_user
global raw_strncpy_from_user, raw_strnlen_user

EFAULT		equ 14

; EXTABLE insn, fixup: one exception-table entry.
%macro EXTABLE 2
section __ex_table progbits alloc noexec nowrite align=8
	dq %1, %2
section .text
%endmacro

; (The jumps skip the 3-byte instruction without a label, which NASM
; would emit as a symbol that backtraces then name the code after.)
%macro STAC 0
	cmp byte [x86_smap_enabled], 0
	je short $ + 5
	stac
%endmacro

%macro CLAC 0
	cmp byte [x86_smap_enabled], 0
	je short $ + 5
	clac
%endmacro

section .text
bits 64

; rdi = to, rsi = from, rdx = n
align 16
raw_copy_user:
	STAC
	mov rcx, rdx
	shr rcx, 3
	and edx, 7
.quads:	rep movsq
	mov ecx, edx
.bytes:	rep movsb
	xor eax, eax
	CLAC
	ret
.quads_fault:			; rcx quadwords and rdx bytes were left
	lea rcx, [rdx + rcx * 8]
	jmp .bytes
.bytes_fault:
	mov rax, rcx
	CLAC
	ret
	EXTABLE .quads, .quads_fault
	EXTABLE .bytes, .bytes_fault

; rdi = to, rsi = n
align 16
raw_clear_user:
	STAC
	xor eax, eax		; what stos writes
	mov rcx, rsi
	shr rcx, 3
	and esi, 7
.quads:	rep stosq
	mov ecx, esi
.bytes:	rep stosb
	CLAC
	ret			; rax = 0
.quads_fault:
	lea rcx, [rsi + rcx * 8]
	jmp .bytes
.bytes_fault:
	mov rax, rcx
	CLAC
	ret
	EXTABLE .quads, .quads_fault
	EXTABLE .bytes, .bytes_fault

; rdi = dst, rsi = src, rdx = n
align 16
raw_strncpy_from_user:
	STAC
	xor ecx, ecx
.next:	cmp rcx, rdx
	jae .no_nul
.load:	movzx eax, byte [rsi + rcx]
	mov [rdi + rcx], al
	test eax, eax
	jz .found
	inc rcx
	jmp .next
.found:	mov rax, rcx
	CLAC
	ret
.no_nul:
	mov rax, rdx
	CLAC
	ret
.fault:	mov rax, -EFAULT
	CLAC
	ret
	EXTABLE .load, .fault

; rdi = src, rsi = n
align 16
raw_strnlen_user:
	STAC
	xor eax, eax
.next:	cmp rax, rsi
	jae .too_long
.load:	cmp byte [rdi + rax], 0
	je .found
	inc rax
	jmp .next
.found:	inc rax
	CLAC
	ret
.too_long:
	lea rax, [rsi + 1]
	CLAC
	ret
.fault:	xor eax, eax
	CLAC
	ret
	EXTABLE .load, .fault
