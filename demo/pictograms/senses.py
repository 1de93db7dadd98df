"""Pictograms for seeing, hearing, communicating, work and leisure."""

import math

# Seeing, hearing and communicating


def magnifier(p):
    p.line((240, 205), (345, 280), w=28, colour="accent")
    p.circle(170, 135, 95, fill="paper", w=14)
    p.arc(105, 70, 235, 200, 200, 250, w=8, colour="accent")


def screen(p):
    p.rect(95, 25, 325, 190, r=10, fill="ink", outline=None)
    for y in (60, 100, 140):
        p.line((125, y), (295, y), w=12, colour="accent")
    p.line((210, 190), (210, 240), w=14)
    p.rect(50, 238, 370, 265, r=6, fill="accent")


def slope(p):
    p.poly((50, 260), (350, 260), (350, 120), fill="accent")
    p.poly((110, 220), (330, 137), (340, 160), (120, 245), fill="paper")
    p.line((335, 125), (350, 110), w=8)


def lamp(p):
    p.ellipse(90, 250, 220, 280, fill="ink", outline=None)
    p.line((155, 262), (195, 140), (290, 95), w=12)
    p.poly((270, 70), (345, 95), (320, 160), (250, 125), fill="accent")
    for dx in (0, 30, 60):
        p.line((285 + dx, 170), (270 + dx, 240), w=5, colour="accent")


def clock(p):
    p.rect(180, 12, 220, 35, r=6, fill="accent")
    p.circle(200, 155, 115, fill="paper", w=12)
    for i in range(12):
        a = math.radians(i * 30)
        p.line(
            (200 + 95 * math.sin(a), 155 - 95 * math.cos(a)),
            (200 + 105 * math.sin(a), 155 - 105 * math.cos(a)),
            w=6,
        )
    p.line((200, 155), (200, 85), w=10)
    p.line((200, 155), (255, 175), w=10, colour="accent")


def dayclock(p):
    p.rect(45, 50, 355, 250, r=18, fill="paper", w=12)
    p.rect(90, 85, 310, 125, r=6, fill="ink", outline=None)
    p.rect(115, 145, 285, 172, r=6, fill="accent", outline=None)
    p.rect(140, 190, 260, 215, r=6, fill="accent", outline=None)


def alarm(p):
    p.arc(70, 40, 150, 120, 180, 300, w=14)
    p.arc(190, 40, 270, 120, 240, 360, w=14)
    p.circle(170, 140, 80, fill="paper", w=12)
    p.line((170, 140), (170, 95), w=10)
    p.line((170, 140), (205, 155), w=10)
    p.ellipse(225, 220, 375, 275, fill="accent")
    p.waves(360, 200)


def phone(p):
    p.poly((60, 255), (340, 255), (315, 140), (85, 140), fill="paper")
    p.line((70, 105), (330, 105), w=24)
    p.ellipse(50, 85, 110, 135, fill="ink", outline=None)
    p.ellipse(290, 85, 350, 135, fill="ink", outline=None)
    for row in range(2):
        for col in range(3):
            p.circle(160 + col * 40, 180 + row * 40, 14, fill="accent", outline=None)


def mobile(p):
    p.rect(135, 15, 265, 285, r=24, fill="paper", w=10)
    p.rect(155, 40, 245, 110, r=6, fill="accent", outline=None)
    for row in range(4):
        for col in range(3):
            p.circle(170 + col * 30, 140 + row * 35, 11, fill="ink", outline=None)


def headphones(p):
    p.arc(95, 50, 305, 260, 180, 360, w=18)
    for x0 in (70, 275):
        p.rect(x0, 140, x0 + 55, 240, r=22, fill="accent")


def bell(p):
    for a in range(0, 360, 45):
        rad = math.radians(a)
        p.line(
            (200 + 110 * math.cos(rad), 150 + 110 * math.sin(rad)),
            (200 + 140 * math.cos(rad), 150 + 140 * math.sin(rad)),
            w=8,
            colour="accent",
        )
    p.chord(120, 60, 280, 260, 180, 360, fill="accent")
    p.rect(110, 155, 290, 180, r=8, fill="accent")
    p.circle(200, 200, 18, fill="ink", outline=None)


def aac(p):
    p.rect(30, 20, 370, 280, r=16, fill="paper", w=10)
    for row in range(3):
        for col in range(4):
            x, y = 50 + col * 80, 40 + row * 80
            fill = ("accent", "ink", "paper")[(row + col) % 3]
            p.rect(x, y, x + 65, y + 65, r=8, fill=fill, w=4)


def buttons(p):
    for cx, fill in ((85, "accent"), (200, "ink"), (315, "accent")):
        p.circle(cx, 190, 62, fill="paper", w=8)
        p.circle(cx, 190, 44, fill=fill, outline=None)
    p.waves(230, 80)


def microphone(p):
    p.rect(165, 30, 235, 160, r=35, fill="accent", w=8)
    p.arc(135, 90, 265, 210, 0, 180, w=10)
    p.line((200, 210), (200, 260), w=10)
    p.line((150, 265), (250, 265), w=12)
    p.waves(290, 100)


def remote(p):
    p.rect(140, 15, 260, 285, r=34, fill="paper", w=10)
    for y, fill in ((70, "accent"), (140, "ink"), (210, "accent")):
        p.circle(200, y, 30, fill=fill, outline=None)


def plug(p):
    p.rect(115, 60, 285, 250, r=34, fill="paper", w=10)
    p.rect(165, 100, 185, 150, r=4, fill="ink", outline=None)
    p.rect(215, 100, 235, 150, r=4, fill="ink", outline=None)
    p.circle(200, 200, 14, fill="accent", outline=None)
    for r in (30, 55):
        p.arc(320 - r, 60 - r, 320 + r, 60 + r, 180, 270, w=8, colour="accent")


def keyboard(p):
    p.rect(30, 95, 370, 245, r=16, fill="ink", outline=None)
    for row in range(3):
        for col in range(7):
            x, y = 48 + col * 46, 112 + row * 42
            p.rect(x, y, x + 38, y + 34, r=6, fill="accent", outline=None)


def trackball(p):
    p.chord(50, 130, 350, 330, 180, 360, fill="paper", w=10)
    p.circle(200, 175, 62, fill="accent", w=10)
    p.rect(70, 200, 120, 225, r=8, fill="ink", outline=None)
    p.rect(280, 200, 330, 225, r=8, fill="ink", outline=None)


def pen(p):
    p.turned_rect(200, 150, 300, 36, -35, fill="paper")
    p.turned_rect(190, 157, 100, 54, -35, fill="accent")
    p.poly((322, 64), (346, 36), (336, 82), fill="ink", outline=None)


def thermometer(p):
    p.rect(178, 25, 222, 235, r=22, fill="paper", w=10)
    p.rect(192, 120, 208, 240, r=4, fill="accent", outline=None)
    p.circle(200, 245, 38, fill="accent", w=10)
    for y in range(50, 210, 30):
        p.line((230, y), (250, y), w=5)


def scales(p):
    p.chord(95, 60, 305, 230, 0, 180, fill="accent", w=10)
    p.rect(70, 195, 330, 262, r=16, fill="paper", w=10)
    p.rect(160, 212, 240, 245, r=4, fill="ink", outline=None)


def pin(p):
    p.poly((145, 150), (255, 150), (200, 285), fill="accent", outline=None)
    p.circle(200, 115, 75, fill="accent", outline=None)
    p.circle(200, 115, 30, fill="paper", outline=None)


# Leisure, work and hobbies


def cards(p):
    for angle, fill in ((-25, "paper"), (0, "accent"), (25, "paper")):
        rad = math.radians(angle)
        cx, cy = 200 + 110 * math.sin(rad), 200 - 110 * math.cos(rad) + 60
        p.turned_rect(cx, cy, 110, 160, angle, fill=fill, w=8)
    p.chord(60, 190, 340, 330, 180, 360, fill="ink", outline=None)


def kneeler(p):
    p.line((80, 200), (80, 75), (115, 75), w=14)
    p.line((320, 200), (320, 75), (285, 75), w=14)
    p.rect(55, 195, 345, 250, r=18, fill="accent")


def trowel(p):
    p.arc(20, 90, 90, 170, 270, 450, w=12, colour="accent")
    p.rect(55, 110, 200, 150, r=20, fill="accent")
    p.poly((200, 118), (335, 100), (375, 130), (335, 160), (200, 142), fill="paper")


def scissors(p):
    p.circle(95, 110, 38, fill=None, w=12)
    p.circle(95, 200, 38, fill=None, w=12)
    p.line((125, 130), (345, 175), w=14)
    p.line((125, 180), (345, 135), w=14)
    p.arc(20, 120, 90, 190, 90, 270, w=10, colour="accent")
