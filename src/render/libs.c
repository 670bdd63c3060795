/* libs.c — fontconfig and SDL2_image, opened when first needed
 * (jk_dl_load): a kiosk showing Inter from Debian's files and no logo
 * loads neither before its first frame, 8 libraries fewer for the dynamic
 * linker at start (SDL2_image brings its TIFF, JPEG and WebP decoders). */
#include "internal.h"

static render_fc_fns fc;

#define FC_FN(member) JK_DL_SYM(render_fc_fns, member, "Fc" #member)
static const jk_dl_sym fc_syms[] = {
    FC_FN(Init),
    FC_FN(Fini),
    FC_FN(NameParse),
    FC_FN(ConfigSubstitute),
    FC_FN(DefaultSubstitute),
    FC_FN(FontMatch),
    FC_FN(PatternCreate),
    FC_FN(PatternDestroy),
    FC_FN(PatternGetString),
    FC_FN(PatternGetInteger),
    FC_FN(PatternAddString),
    FC_FN(PatternAddInteger),
    FC_FN(PatternAddCharSet),
    FC_FN(CharSetCreate),
    FC_FN(CharSetAddChar),
    FC_FN(CharSetDestroy),
};

static jk_dl fc_lib = JK_DL_INIT("libfontconfig.so.1", "looking fonts up needs",
                                 "JK_TEST_LIBFONTCONFIG", fc_syms, &fc, NULL);

int render_fc_load(jk_err *err)
{
	return jk_dl_load(&fc_lib, err);
}

const render_fc_fns *render_fc(void)
{
	return &fc;
}

static render_img_fns img;

#define IMG_FN(member) JK_DL_SYM(render_img_fns, member, "IMG_" #member)
static const jk_dl_sym img_syms[] = {IMG_FN(LoadPNG_RW), IMG_FN(LoadJPG_RW), IMG_FN(SavePNG),
                                     IMG_FN(SavePNG_RW)};

static jk_dl img_lib = JK_DL_INIT("libSDL2_image-2.0.so.0", "logos and PNG pictures need",
                                  "JK_TEST_LIBSDL2_IMAGE", img_syms, &img, NULL);

const render_img_fns *render_img(jk_err *err)
{
	return jk_dl_load(&img_lib, err) ? NULL : &img;
}
