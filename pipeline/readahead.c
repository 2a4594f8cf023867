/*
 * readahead — records made in a second thread (readahead.h).
 *
 * Batches go round a ring: the thread fills batch k while k - freed <
 * RA_BATCHES; the caller, beginning batch k, hands back every batch
 * before k - 1.  One lock, taken once a batch on each side.
 */
#include "readahead.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

struct readahead {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t made, freed;     /* batches filled, batches handed back */
	int stop;
	size_t recsize;
	int (*fill)(void *ctx, struct ra_batch *b);
	void *ctx;
	struct ra_batch b[RA_BATCHES];
	/* the caller's place: its batch (a count), next record, whether
	 * it has waited for that batch */
	_Alignas(64) size_t cur, i;
	int have;
};

static void *
ra_thread(void *arg)
{
	struct readahead *a = arg;
	int r = 1;

	while (r == 1) {
		pthread_mutex_lock(&a->mu);
		while (!a->stop && a->made - a->freed >= RA_BATCHES)
			pthread_cond_wait(&a->cv, &a->mu);
		int stop = a->stop;
		pthread_mutex_unlock(&a->mu);
		if (stop)
			break;
		struct ra_batch *b = &a->b[a->made % RA_BATCHES];
		b->n = 0;
		b->text.len = 0;
		r = b->r = a->fill(a->ctx, b);
		pthread_mutex_lock(&a->mu);
		a->made++;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	return NULL;
}

struct readahead *
ra_start(size_t recsize, int (*fill)(void *ctx, struct ra_batch *b), void *ctx)
{
	struct readahead *a = aligned_alloc(64, sizeof *a);

	if (!a)
		return NULL;
	memset(a, 0, sizeof *a);
	a->recsize = recsize;
	a->fill = fill;
	a->ctx = ctx;
	for (size_t k = 0; k < RA_BATCHES; k++)
		a->b[k].rec = xmalloc(RA_RECORDS * recsize);
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	if (pthread_create(&a->th, NULL, ra_thread, a) != 0) {
		for (size_t k = 0; k < RA_BATCHES; k++)
			free(a->b[k].rec);
		pthread_cond_destroy(&a->cv);
		pthread_mutex_destroy(&a->mu);
		free(a);
		return NULL;
	}
	return a;
}

void *
ra_room(struct ra_batch *b, size_t recsize)
{
	if (b->n == RA_RECORDS || b->text.len >= RA_TEXT)
		return NULL;
	return b->rec + recsize * b->n++;
}

void
ra_unroom(struct ra_batch *b)
{
	b->n--;
}

int
ra_next(struct readahead *a, const void **rec, const char **text)
{
	struct ra_batch *b;

	for (;;) {
		if (!a->have) {
			pthread_mutex_lock(&a->mu);
			/* (the record taken before may be the last of the
			 * batch before this one: that one stays) */
			if (a->cur >= 2 && a->freed < a->cur - 1) {
				a->freed = a->cur - 1;
				pthread_cond_broadcast(&a->cv);
			}
			while (a->made <= a->cur)
				pthread_cond_wait(&a->cv, &a->mu);
			pthread_mutex_unlock(&a->mu);
			a->have = 1;
		}
		b = &a->b[a->cur % RA_BATCHES];
		if (a->i < b->n)
			break;
		if (b->r != 1)
			return b->r;	/* (and again at each call) */
		a->cur++;
		a->i = 0;
		a->have = 0;
	}
	*rec = b->rec + a->recsize * a->i++;
	*text = b->text.data;
	return 1;
}

void
ra_stop(struct readahead *a)
{
	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->th, NULL);
	for (size_t k = 0; k < RA_BATCHES; k++) {
		free(a->b[k].rec);
		buf_free(&a->b[k].text);
	}
	pthread_cond_destroy(&a->cv);
	pthread_mutex_destroy(&a->mu);
	free(a);
}
