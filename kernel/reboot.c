// SPDX-License-Identifier: MIT
/*
 * kernel/reboot.c: reboot(2), which despite its name also halts and
 * powers off.
 *
 * The two magic numbers must match (any of Linux's four second magics
 * is accepted) so that a stray call cannot stop the machine. anvil has
 * no disks to sync and no devices to shut down, so power-off is
 * immediate. There is no restart hook in the arch boundary yet, and
 * under QEMU (run with -no-reboot) a restart would end the run anyway,
 * so RESTART powers off too; HALT also powers off, because
 * machine_halt() stops only the calling CPU and would leave QEMU
 * running with nothing to do.
 */
#include <anvil/arch.h>
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/reboot.h>
#include <anvil/sched.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>

static void __noreturn kernel_power_off(const char *why)
{
	pr_emerg("reboot: %s (by %s[%d])\n", why, current->comm, current->pid);
	machine_power_off();
}

SYSCALL_DEFINE4(reboot, unsigned int, magic1,
		unsigned int, magic2,
		unsigned int, cmd,
		void __user *, arg)
{
	char buf[256];
	long len;

	if (magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;

	switch (cmd) {
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;	/* no Ctrl-Alt-Del key to route: no-op */
	case LINUX_REBOOT_CMD_RESTART:
		kernel_power_off("Restarting system (no restart: power down)");
	case LINUX_REBOOT_CMD_RESTART2:
		/* The argument names a firmware reboot mode; say it and go. */
		len = strncpy_from_user(buf, arg, sizeof(buf) - 1);
		if (len < 0)
			return -EFAULT;
		buf[len] = '\0';
		pr_emerg("reboot: restart command '%s'\n", buf);
		kernel_power_off("Restarting system (no restart: power down)");
	case LINUX_REBOOT_CMD_HALT:
		kernel_power_off("System halted (power down)");
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off("Power down");
	default:
		/* Including KEXEC and SW_SUSPEND: anvil has neither. */
		return -EINVAL;
	}
}
