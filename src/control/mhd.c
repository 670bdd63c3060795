/* mhd.c — libmicrohttpd opened when the first control server starts
 * (jk_dl_load): a kiosk without control_listen never loads it. */
#include "internal.h"

static ctl_mhd_fns mhd;

#define MHD_FN(member) JK_DL_SYM(ctl_mhd_fns, member, "MHD_" #member)
static const jk_dl_sym mhd_syms[] = {
    MHD_FN(start_daemon),
    MHD_FN(stop_daemon),
    MHD_FN(is_feature_supported),
    MHD_FN(get_connection_info),
    MHD_FN(lookup_connection_value),
    MHD_FN(create_response_from_buffer),
    MHD_FN(add_response_header),
    MHD_FN(queue_response),
    MHD_FN(destroy_response),
};

static jk_dl mhd_lib = JK_DL_INIT("libmicrohttpd.so.12", "the control server needs",
                                  "JK_TEST_LIBMICROHTTPD", mhd_syms, &mhd, NULL);

int ctl_mhd_load(jk_err *err)
{
	return jk_dl_load(&mhd_lib, err);
}

const ctl_mhd_fns *ctl_mhd(void)
{
	return &mhd;
}
