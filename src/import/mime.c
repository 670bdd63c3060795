/* mime.c — layer 0: GMime opened on first use (mime.h). */
#include "mime.h"

#include "import.h"

static import_mime_fns mime;

#define MIME_SYM(member, name) JK_DL_SYM(import_mime_fns, member, name)
#define MIME_FN(member) MIME_SYM(member, "g_mime_" #member)
static const jk_dl_sym mime_syms[] = {
    MIME_SYM(object_unref, "g_object_unref"),
    MIME_SYM(free, "g_free"),
    MIME_SYM(is_a, "g_type_check_instance_is_a"),
    MIME_FN(init),
    MIME_FN(text_part_get_type),
    MIME_FN(message_part_get_type),
    MIME_FN(multipart_get_type),
    MIME_SYM(mailbox_get_type, "internet_address_mailbox_get_type"),
    MIME_FN(object_get_content_type),
    MIME_FN(object_get_content_disposition),
    MIME_FN(object_get_content_type_parameter),
    MIME_FN(object_get_header),
    MIME_FN(content_type_is_type),
    MIME_FN(content_disposition_is_attachment),
    MIME_FN(message_part_get_message),
    MIME_FN(message_get_mime_part),
    MIME_FN(message_get_from),
    MIME_FN(message_get_reply_to),
    MIME_FN(message_get_subject),
    MIME_FN(message_get_message_id),
    MIME_FN(multipart_get_count),
    MIME_FN(multipart_get_part),
    MIME_FN(part_get_content),
    MIME_FN(text_part_get_text),
    MIME_FN(data_wrapper_write_to_stream),
    MIME_FN(stream_mem_new),
    MIME_FN(stream_mem_new_with_buffer),
    MIME_FN(stream_mem_get_byte_array),
    MIME_FN(parser_new_with_stream),
    MIME_FN(parser_set_format),
    MIME_FN(parser_eos),
    MIME_FN(parser_construct_message),
    MIME_FN(parser_options_new),
    MIME_FN(parser_options_set_fallback_charsets),
    MIME_FN(parser_options_free),
    MIME_SYM(address_list_parse, "internet_address_list_parse"),
    MIME_SYM(address_list_length, "internet_address_list_length"),
    MIME_SYM(address_list_get_address, "internet_address_list_get_address"),
    MIME_SYM(address_get_name, "internet_address_get_name"),
    MIME_SYM(mailbox_get_addr, "internet_address_mailbox_get_addr"),
};

static void mime_ready(const void *t)
{
	/* Never undone: GMime's tables live as long as the process, like
	 * libxml2's. */
	((const import_mime_fns *)t)->init();
}

static jk_dl mime_lib = JK_DL_INIT("libgmime-3.0.so.0", "mail input (.eml, .mbox) needs",
                                   "JK_TEST_LIBGMIME", mime_syms, &mime, mime_ready);

const import_mime_fns *import_mime(jk_err *err)
{
	return jk_dl_load(&mime_lib, err) ? NULL : &mime;
}

int import_mail_prepare(jk_err *err)
{
	return import_mime(err) ? 0 : (err && err->code ? err->code : JK_EIO);
}

bool import_mime_is(const import_mime_fns *m, const void *o, GType t)
{
	return o && m->is_a((GTypeInstance *)o, t);
}
