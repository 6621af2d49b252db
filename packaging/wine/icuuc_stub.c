/*
 * A stand-in for Windows' own icuuc.dll (Windows 10 1703+), for the Wine build prefix only.
 *
 * Qt >= 6.10's Qt6Core.dll imports ~20 ucnv_* functions from the system icuuc.dll, which Wine
 * provides only from 11.5 on (Debian 12 has Wine 8.0), so Qt6Core.dll would not load. Every
 * function here fails: ucnv_open() returns no converter with an error, the lists are empty, so
 * Qt falls back to its built-in codecs. build-windows.sh compiles it with mingw into the
 * prefix's system32 (never into the bundle: PyInstaller treats system32 DLLs as OS DLLs, and
 * check_windows_bundle.py fails if it shows up there) and checks that it exports every icuuc
 * function Qt6Core.dll imports.
 */
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_UNSUPPORTED_ERROR 16

typedef int UErrorCode;
typedef int8_t UBool;
typedef uint16_t UChar;
typedef void UConverter;
typedef void (*Callback)(void);

static void fail(UErrorCode *err)
{
    if (err && *err <= 0)
        *err = U_UNSUPPORTED_ERROR;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return 0; }
EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return 0; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{
    (void)name; (void)standard; (void)err; return 0;
}
EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }

EXPORT void ucnv_getToUCallBack(const UConverter *cnv, Callback *action, const void **context)
{
    (void)cnv;
    if (action) *action = 0;
    if (context) *context = 0;
}
EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, Callback *action, const void **context)
{
    (void)cnv;
    if (action) *action = 0;
    if (context) *context = 0;
}
EXPORT void ucnv_setToUCallBack(UConverter *cnv, Callback action, const void *context,
                                Callback *old_action, const void **old_context, UErrorCode *err)
{
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(err);
}
EXPORT void ucnv_setFromUCallBack(UConverter *cnv, Callback action, const void *context,
                                  Callback *old_action, const void **old_context, UErrorCode *err)
{
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(err);
}
EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit,
                           const char **source, const char *source_limit, int32_t *offsets,
                           UBool flush, UErrorCode *err)
{
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush; fail(err);
}
EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit,
                             const UChar **source, const UChar *source_limit, int32_t *offsets,
                             UBool flush, UErrorCode *err)
{
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush; fail(err);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length,
                                  int32_t offset_index, UErrorCode *err)
{
    (void)args; (void)source; (void)length; (void)offset_index; fail(err);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset_index, UErrorCode *err)
{
    (void)args; (void)source; (void)source_limit; (void)offset_index; fail(err);
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units,
                                            int32_t length, int32_t code_point, int reason,
                                            UErrorCode *err)
{
    (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason; fail(err);
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                          int32_t length, int reason, UErrorCode *err)
{
    (void)context; (void)args; (void)units; (void)length; (void)reason; fail(err);
}
