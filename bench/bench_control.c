/* bench_control.c — the control server's figures on 127.0.0.1 with a
 * deck of 200 postings: GET /api/status and /metrics per second over one
 * keep-alive connection, the screenshot of a 1920x1080 screen end to end
 * and its PNG encoding alone, and the time control_publish holds the loop.
 * Printed, never asserted. */
#include "control.h"
#include "render.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define W 1920
#define H 1080
#define NPOSTINGS 200

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A screen-like picture: bands of colour with some texture, so the PNG
 * has work to do. */
static void *frame(void)
{
	uint32_t *px = malloc((size_t)W * H * 4);
	for (int y = 0; px && y < H; y++)
		for (int x = 0; x < W; x++)
			px[(size_t)y * W + x] = (y < 120)                     ? 0x203040u
			                        : ((x / 7 + y / 11) % 9 == 0) ? 0xf0f0f0u
			                                                      : 0x101418u;
	return px;
}

static int on_command(void *ud, const control_cmd *cmd)
{
	return 0;
}

static int on_screenshot(void *ud, control_image *out, unsigned timeout_ms)
{
	out->pixels = frame();
	if (!out->pixels)
		return JK_ENOMEM;
	out->w = W;
	out->h = H;
	out->pitch = W * 4;
	return 0;
}

static void snapshot(control_snapshot *s)
{
	memset(s, 0, sizeof *s);
	s->screen = strdup("booth-12");
	s->started = (int64_t)time(NULL);
	s->npostings = NPOSTINGS;
	s->postings = calloc(NPOSTINGS, sizeof *s->postings);
	for (size_t i = 0; s->postings && i < NPOSTINGS; i++) {
		char t[64];
		snprintf(t, sizeof t, "gh-%zu", i);
		s->postings[i].id = strdup(t);
		snprintf(t, sizeof t, "Senior Engineer %zu, Platform", i);
		s->postings[i].title = strdup(t);
	}
	s->display_on = true;
}

static size_t sink(char *p, size_t size, size_t n, void *ud)
{
	*(size_t *)ud += size * n;
	return size * n;
}

/* n GETs of path over one connection: requests per second. */
static double rate(CURL *c, int port, const char *path, int n, size_t *bytes)
{
	char url[128];
	snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, bytes);
	double t0 = now_ms();
	for (int i = 0; i < n; i++) {
		*bytes = 0;
		if (curl_easy_perform(c) != CURLE_OK)
			return 0;
	}
	return n / ((now_ms() - t0) / 1e3);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	jk_log_set_sink(NULL, NULL, JK_LOG_WARN);
	control_opts o = {.listen = "127.0.0.1:0",
	                  .token = "bench-token-0123456789",
	                  .version = JOBKIOSK_VERSION,
	                  .command = on_command,
	                  .screenshot = on_screenshot};
	control_server *srv = NULL;
	jk_err err = {0};
	if (control_start(&o, &srv, &err)) {
		fprintf(stderr, "bench_control: %s\n", err.msg);
		return 1;
	}
	control_snapshot s;
	double pub = 0;
	for (int i = 0; i < 100; i++) {
		snapshot(&s);
		double t0 = now_ms();
		control_publish(srv, &s);
		pub += now_ms() - t0;
	}
	CURL *c = curl_easy_init();
	struct curl_slist *h =
	    curl_slist_append(NULL, "Authorization: Bearer bench-token-0123456789");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	size_t status_bytes = 0, metrics_bytes = 0, png_bytes = 0;
	int port = control_port(srv);
	double status = rate(c, port, "/api/status", 2000, &status_bytes);
	double metrics = rate(c, port, "/metrics", 2000, &metrics_bytes);
	double t0 = now_ms();
	double shots = rate(c, port, "/api/screenshot.png", 5, &png_bytes);
	double shot_ms = (now_ms() - t0) / 5;
	void *px = frame();
	unsigned char *png = NULL;
	size_t len = 0;
	t0 = now_ms();
	for (int i = 0; i < 5; i++) {
		free(png);
		render_png_encode(px, W, H, W * 4, &png, &len, &err);
	}
	double enc_ms = (now_ms() - t0) / 5;
	free(png);
	free(px);
	printf("bench_control: %d postings, one keep-alive connection on 127.0.0.1\n", NPOSTINGS);
	printf("  GET /api/status        %8.0f /s   (%zu bytes)\n", status, status_bytes);
	printf("  GET /metrics           %8.0f /s   (%zu bytes)\n", metrics, metrics_bytes);
	printf("  GET /api/screenshot.png %7.1f ms  (%zu bytes, %.1f /s)\n", shot_ms, png_bytes,
	       shots);
	printf("  PNG encode %dx%d     %8.1f ms\n", W, H, enc_ms);
	printf("  control_publish        %8.3f ms   (the loop's cost, mean of 100)\n", pub / 100);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	control_stop(srv);
	curl_global_cleanup();
	return 0;
}
