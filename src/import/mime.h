/* mime.h — layer 0: the GMime functions the mail reader calls, from a
 * table filled when the first mail input needs them (jk_dl_load), so a run
 * without mail never loads GMime, GObject and GIO. GMime's type-check
 * macros (GMIME_IS_MULTIPART…) would call GObject directly: use
 * import_mime_is() with the table's *_get_type instead. Private to import. */
#ifndef IMPORT_MIME_H
#define IMPORT_MIME_H

#include "jk.h"

#include <gmime/gmime.h>

typedef struct import_mime_fns {
	/* GObject and GLib, found through GMime's own dependencies */
	__typeof__(g_object_unref) *object_unref;
	__typeof__(g_free) *free;
	__typeof__(g_type_check_instance_is_a) *is_a;
	__typeof__(g_mime_init) *init;
	__typeof__(g_mime_text_part_get_type) *text_part_get_type;
	__typeof__(g_mime_message_part_get_type) *message_part_get_type;
	__typeof__(g_mime_multipart_get_type) *multipart_get_type;
	__typeof__(internet_address_mailbox_get_type) *mailbox_get_type;
	/* GMime objects */
	__typeof__(g_mime_object_get_content_type) *object_get_content_type;
	__typeof__(g_mime_object_get_content_disposition) *object_get_content_disposition;
	__typeof__(g_mime_object_get_content_type_parameter) *object_get_content_type_parameter;
	__typeof__(g_mime_object_get_header) *object_get_header;
	__typeof__(g_mime_content_type_is_type) *content_type_is_type;
	__typeof__(g_mime_content_disposition_is_attachment) *content_disposition_is_attachment;
	__typeof__(g_mime_message_part_get_message) *message_part_get_message;
	__typeof__(g_mime_message_get_mime_part) *message_get_mime_part;
	__typeof__(g_mime_message_get_from) *message_get_from;
	__typeof__(g_mime_message_get_reply_to) *message_get_reply_to;
	__typeof__(g_mime_message_get_subject) *message_get_subject;
	__typeof__(g_mime_message_get_message_id) *message_get_message_id;
	__typeof__(g_mime_multipart_get_count) *multipart_get_count;
	__typeof__(g_mime_multipart_get_part) *multipart_get_part;
	__typeof__(g_mime_part_get_content) *part_get_content;
	__typeof__(g_mime_text_part_get_text) *text_part_get_text;
	__typeof__(g_mime_data_wrapper_write_to_stream) *data_wrapper_write_to_stream;
	/* streams and the parser */
	__typeof__(g_mime_stream_mem_new) *stream_mem_new;
	__typeof__(g_mime_stream_mem_new_with_buffer) *stream_mem_new_with_buffer;
	__typeof__(g_mime_stream_mem_get_byte_array) *stream_mem_get_byte_array;
	__typeof__(g_mime_parser_new_with_stream) *parser_new_with_stream;
	__typeof__(g_mime_parser_set_format) *parser_set_format;
	__typeof__(g_mime_parser_eos) *parser_eos;
	__typeof__(g_mime_parser_construct_message) *parser_construct_message;
	__typeof__(g_mime_parser_options_new) *parser_options_new;
	__typeof__(g_mime_parser_options_set_fallback_charsets)
	    *parser_options_set_fallback_charsets;
	__typeof__(g_mime_parser_options_free) *parser_options_free;
	/* addresses */
	__typeof__(internet_address_list_parse) *address_list_parse;
	__typeof__(internet_address_list_length) *address_list_length;
	__typeof__(internet_address_list_get_address) *address_list_get_address;
	__typeof__(internet_address_get_name) *address_get_name;
	__typeof__(internet_address_mailbox_get_addr) *mailbox_get_addr;
} import_mime_fns;

/* The table, GMime initialised (once per process, thread-safe); NULL with
 * "mail input (.eml, .mbox) needs libgmime-3.0.so.0: why" in err when it
 * cannot be loaded. Borrowed, valid for the life of the process. */
const import_mime_fns *import_mime(jk_err *err);

/* True when o (may be NULL) is an instance of type t, as GMIME_IS_*(). */
bool import_mime_is(const import_mime_fns *m, const void *o, GType t);

#endif
