/* SPDX-License-Identifier: MIT */
/*
 * bench/linux-init.c: PID 1 of the Linux boot that bench/linux-run makes,
 * so that bench/procbench.c runs on Linux in the same QEMU machine as in
 * anvil. It mounts /proc (procbench reads /proc/vmstat), runs
 *
 *	/procbench ARGS...	(the arguments after "--" on the kernel
 *				 command line, which Linux hands to init)
 *
 * waits for it and powers the machine off, which ends QEMU.
 */
#include <stdio.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int status = 0;
	pid_t pid;

	(void)argc;
	if (mount("proc", "/proc", "proc", 0, NULL) != 0)
		perror("linux-init: mount /proc");
	printf("linux-init: start\n");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		argv[0] = "/procbench";
		execv(argv[0], argv);
		perror("linux-init: exec /procbench");
		_exit(127);
	}
	if (pid < 0)
		perror("linux-init: fork");
	else
		waitpid(pid, &status, 0);
	printf("linux-init: exit %d\n", WIFEXITED(status) ?
	       WEXITSTATUS(status) : 128 + WTERMSIG(status));
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
