/* blend.c — one row of a crossfade: dst moved towards src by a weight,
 * byte by byte. Two 1080p frames are memory-bound work, so the vector
 * path (SSE2 on x86-64, NEON where the compiler has it) does 16 bytes a
 * step and the scalar path, the reference, does the rest; both give the
 * same bytes (tests/test_render.c compares them). */
#include "render.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define BLEND_SSE2 1
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#define BLEND_NEON 1
#endif

#define OPAQUE 0xFF000000u

void render_blend_row_scalar(uint32_t *dst, const uint32_t *src, size_t n, unsigned w)
{
	if (w >= 256) {
		memcpy(dst, src, n * sizeof *dst);
		return;
	}
	uint32_t nw = 256 - w;
	for (size_t x = 0; x < n; x++) {
		/* Red and blue in one multiply, green in another: each channel
		 * is (d * (256 - w) + s * w) >> 8 and cannot carry into the next. */
		uint32_t d = dst[x], s = src[x];
		uint32_t rb = ((d & 0xFF00FFu) * nw + (s & 0xFF00FFu) * w) >> 8;
		uint32_t g = ((d & 0x00FF00u) * nw + (s & 0x00FF00u) * w) >> 8;
		dst[x] = (rb & 0xFF00FFu) | (g & 0x00FF00u) | OPAQUE;
	}
}

#if defined(BLEND_SSE2)
/* Bytes widened to 16-bit lanes: d * (256 - w) + s * w is at most
 * 255 * 256, so it fits, and the shift gives the scalar path's byte. */
static size_t blend_vector(uint32_t *dst, const uint32_t *src, size_t n, unsigned w)
{
	const __m128i z = _mm_setzero_si128(), vw = _mm_set1_epi16((short)w),
	              vn = _mm_set1_epi16((short)(256 - w)), a = _mm_set1_epi32((int)OPAQUE);
	size_t x = 0;
	for (; x + 4 <= n; x += 4) {
		__m128i d = _mm_loadu_si128((const __m128i *)(const void *)(dst + x));
		__m128i s = _mm_loadu_si128((const __m128i *)(const void *)(src + x));
		__m128i lo = _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(d, z), vn),
		                           _mm_mullo_epi16(_mm_unpacklo_epi8(s, z), vw));
		__m128i hi = _mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(d, z), vn),
		                           _mm_mullo_epi16(_mm_unpackhi_epi8(s, z), vw));
		__m128i r = _mm_packus_epi16(_mm_srli_epi16(lo, 8), _mm_srli_epi16(hi, 8));
		_mm_storeu_si128((__m128i *)(void *)(dst + x), _mm_or_si128(r, a));
	}
	return x;
}
#elif defined(BLEND_NEON)
/* Widening multiply-accumulate of bytes: both weights fit a byte for
 * w in 1..255 (w 0 and 256 never come here). */
static size_t blend_vector(uint32_t *dst, const uint32_t *src, size_t n, unsigned w)
{
	const uint8x8_t vw = vdup_n_u8((uint8_t)w), vn = vdup_n_u8((uint8_t)(256 - w));
	const uint8x16_t a = vreinterpretq_u8_u32(vdupq_n_u32(OPAQUE));
	size_t x = 0;
	for (; x + 4 <= n; x += 4) {
		uint8x16_t d = vld1q_u8((const uint8_t *)(dst + x));
		uint8x16_t s = vld1q_u8((const uint8_t *)(src + x));
		uint16x8_t lo = vmlal_u8(vmull_u8(vget_low_u8(d), vn), vget_low_u8(s), vw);
		uint16x8_t hi = vmlal_u8(vmull_u8(vget_high_u8(d), vn), vget_high_u8(s), vw);
		uint8x16_t r = vcombine_u8(vshrn_n_u16(lo, 8), vshrn_n_u16(hi, 8));
		vst1q_u8((uint8_t *)(dst + x), vorrq_u8(r, a));
	}
	return x;
}
#endif

bool render_blend_vector(void)
{
#if defined(BLEND_SSE2) || defined(BLEND_NEON)
	return true;
#else
	return false;
#endif
}

void render_blend_row(uint32_t *dst, const uint32_t *src, size_t n, unsigned w)
{
	size_t x = 0;
#if defined(BLEND_SSE2) || defined(BLEND_NEON)
	if (w > 0 && w < 256)
		x = blend_vector(dst, src, n, w);
#endif
	render_blend_row_scalar(dst + x, src + x, n - x, w);
}
