/*
 * A stand-in for Windows' own bcryptprimitives.dll (Windows 8+), for the Wine build prefix only.
 *
 * Rust's standard library (>= 1.78) gets its random numbers from ProcessPrng() in
 * bcryptprimitives.dll; cryptography's _rust.pyd imports it, and Wine 8.0 (Debian 12) has no
 * such DLL, so `import cryptography` fails with "DLL load failed". This ProcessPrng fills the
 * buffer from BCryptGenRandom (the system RNG, which Wine implements). Compiled by
 * build-windows.sh into the prefix's system32, never shipped: on Windows the real DLL is part of
 * the OS.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
