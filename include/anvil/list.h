/* SPDX-License-Identifier: MIT */
/*
 * Circular doubly linked lists, as in Linux's <linux/list.h>.
 *
 * A list_head is embedded in each object; the list itself is one more
 * list_head used as the head. An empty list points at itself, so adding
 * and removing never test for NULL:
 *
 *	head <-> a <-> b <-> c <-> (back to head)
 *
 * list_entry()/container_of() gets from the embedded node back to the
 * object. Nothing here locks: the owner of the list says what protects it.
 * Shared by the kernel and the host tests (tests/host/).
 */
#ifndef ANVIL_LIST_H
#define ANVIL_LIST_H

#include <anvil/compiler.h>
#include <anvil/types.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

/* Link @new between two nodes known to be adjacent. */
static inline void __list_add(struct list_head *new, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	prev->next = new;
}

/* Add @new right after @head: a stack (LIFO) when taken from the front. */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

/* Add @new right before @head, at the end: a queue (FIFO). */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

/*
 * Unlink @entry and point it at itself, so a second list_del() or a
 * list_empty() on the removed node is harmless rather than a wild write.
 */
static inline void list_del_init(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	INIT_LIST_HEAD(entry);
}

static inline void list_del(struct list_head *entry)
{
	list_del_init(entry);
}

/* Move @entry from its list to the front of @head. */
static inline void list_move(struct list_head *entry, struct list_head *head)
{
	list_del(entry);
	list_add(entry, head);
}

static inline void list_move_tail(struct list_head *entry,
				  struct list_head *head)
{
	list_del(entry);
	list_add_tail(entry, head);
}

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

/* Exactly one node on the list? */
static inline bool list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}

/* Move every node of @list to the front of @head; @list ends up empty. */
static inline void list_splice_init(struct list_head *list,
				    struct list_head *head)
{
	if (list_empty(list))
		return;
	list->next->prev = head;
	list->prev->next = head->next;
	head->next->prev = list->prev;
	head->next = list->next;
	INIT_LIST_HEAD(list);
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) \
	list_entry((head)->next, type, member)
#define list_last_entry(head, type, member) \
	list_entry((head)->prev, type, member)
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)

/* The first entry, or NULL if the list is empty. */
#define list_first_entry_or_null(head, type, member) \
	(list_empty(head) ? NULL : list_first_entry(head, type, member))

#define list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)

#define list_for_each_entry(pos, head, member)                          \
	for (pos = list_first_entry(head, __typeof__(*pos), member);    \
	     &pos->member != (head); pos = list_next_entry(pos, member))

/* The same, last node first. */
#define list_for_each_entry_reverse(pos, head, member)                  \
	for (pos = list_last_entry(head, __typeof__(*pos), member);     \
	     &pos->member != (head); pos = list_prev_entry(pos, member))

/* Like list_for_each_entry, but @pos may be removed inside the loop. */
#define list_for_each_entry_safe(pos, n, head, member)                  \
	for (pos = list_first_entry(head, __typeof__(*pos), member),    \
	    n = list_next_entry(pos, member);                           \
	     &pos->member != (head);                                    \
	     pos = n, n = list_next_entry(n, member))

#endif /* ANVIL_LIST_H */
