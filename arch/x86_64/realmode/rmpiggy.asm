; SPDX-License-Identifier: MIT
;
; realmode/rmpiggy.asm: the SMP trampoline's bytes, inside the kernel.
;
; trampoline.asm is assembled on its own as a flat binary (it runs at a
; fixed physical address, 0x8000, in real mode, so it cannot be linked
; with the rest); this file carries that binary along in .rodata, between
; two symbols, for kernel/smpboot.c to copy into place. The name is
; Linux's (arch/x86/realmode/rmpiggy.S).

global trampoline_blob, trampoline_blob_end

section .rodata
align 16
trampoline_blob:
	incbin "trampoline.bin"
trampoline_blob_end:
