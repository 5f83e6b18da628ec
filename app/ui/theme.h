/* The visual style: a calm palette and sizes in millimetres. Text colours
 * reach 7:1 against the backgrounds they are used on (WCAG AAA), control
 * borders 3:1; tests/unit/test_ui.c checks every element of every screen. */
#ifndef LP_THEME_H
#define LP_THEME_H

#include "ui.h"

#define RGB(h) ((struct ui_color){(uint8_t)((h) >> 16), (uint8_t)((h) >> 8), (uint8_t)(h), 255})

#define C_BG RGB(0xF5F2EC)          /* warm paper */
#define C_SURFACE RGB(0xFFFFFF)
#define C_HEADER RGB(0xFFFFFF)
#define C_LINE RGB(0xDDD6C8)        /* decorative card edges */
#define C_CONTROL_EDGE RGB(0x6F6657) /* 3:1 edges of controls */
#define C_TEXT RGB(0x1C2730)
#define C_TEXT_MUTED RGB(0x36414A)
#define C_PRIMARY RGB(0x17494F)     /* deep teal */
#define C_PRIMARY_DOWN RGB(0x0E3236)
#define C_ON_PRIMARY RGB(0xFFFFFF)
#define C_SELECTED RGB(0xDCEBEC)
#define C_PRESSED RGB(0xE7E2D8)
#define C_RIGHT_BG RGB(0xE2F1E5)
#define C_RIGHT RGB(0x23623A)
#define C_WRONG_BG RGB(0xFBE7E1)
#define C_WRONG RGB(0x9A3A22)
#define C_NOTICE_BG RGB(0xFFF3D1)
#define C_NOTICE RGB(0x664407) /* 7:1 on C_BG, for coaching lines too */
#define C_STAR_BG RGB(0xF6DFA6)
#define C_TRACK RGB(0xE3DDD1)
#define C_DISABLED_BG RGB(0xE9E5DC)
#define C_DISABLED RGB(0x3F4850)

/* Sizes in millimetres (1 mm = 4 px on the 1080p reference terminal). */
#define MM_TEXT 9.0     /* body text: 36 px at the reference */
#define MM_HEADING 11.0
#define MM_TITLE 13.0
#define MM_MARGIN 12.0
#define MM_GAP 5.0
#define MM_MAIN_BUTTON 22.0 /* at least 20 mm (UX.md) */
#define MM_MIN_TAP 12.0
#define MM_RADIUS 4.0
#define MM_HEADER 26.0

#endif
