"""Pictograms for moving about, transfers, furniture, health and orthoses."""

# Mobility, transfers and furniture


def stick(p):
    p.line((200, 70), (200, 270), w=14)
    p.line((150, 62), (245, 62), w=22, colour="accent")
    p.rect(188, 262, 212, 290, r=6, fill="ink", outline=None)


def quadstick(p):
    p.line((200, 70), (200, 245), w=14)
    p.line((150, 62), (245, 62), w=22, colour="accent")
    p.rect(145, 240, 255, 258, r=6, fill="accent")
    for x in (150, 180, 220, 250):
        p.line((x, 255), (x + (x - 200) * 0.3, 285), w=8)


def crutch(p):
    for dx in (0, 90):
        p.line((150 + dx, 285), (185 + dx, 55), w=12)
        p.arc(160 + dx, 15, 225 + dx, 80, 200, 340, w=12, colour="accent")
        p.line((170 + dx, 140), (225 + dx, 150), w=14, colour="accent")


def frame(p):
    p.line((100, 75), (100, 275), w=12)
    p.line((300, 75), (300, 275), w=12)
    p.line((100, 75), (300, 75), w=12)
    p.line((100, 185), (300, 185), w=8)
    for x in (100, 300):
        p.rect(x - 18, 60, x + 18, 120, r=10, fill="accent")


def rollator(p):
    p.line((150, 62), (135, 250), w=12)
    p.line((150, 62), (292, 250), w=12)
    p.line((150, 62), (85, 62), w=12)
    p.line((80, 62), (125, 62), w=24, colour="accent")
    p.arc(70, 62, 130, 110, 90, 270, w=5)
    p.line((134, 165), (222, 165), w=18, colour="accent")
    p.rect(200, 85, 262, 140, r=10, fill="accent")
    p.circle(135, 262, 22, fill="paper", w=10)
    p.circle(300, 262, 22, fill="paper", w=10)


def wheelchair(p):
    p.line((150, 150), (138, 40), (108, 40), w=14)
    p.line((150, 150), (300, 150), (322, 230), (348, 230), w=14)
    p.circle(185, 190, 82, fill=None, w=10)
    p.circle(185, 190, 9, fill="ink", outline=None)
    p.circle(320, 262, 17, fill="paper", w=8)
    p.rect(150, 130, 290, 160, r=10, fill="accent")


def scooter(p):
    p.line((160, 200), (160, 150), w=12)
    p.rect(115, 120, 205, 155, r=12, fill="accent")
    p.line((300, 200), (330, 80), w=12)
    p.line((310, 80), (355, 80), w=12)
    p.rect(320, 95, 375, 135, r=6, fill="paper")
    p.poly((75, 195), (335, 195), (345, 230), (65, 230), fill="accent")
    p.circle(100, 250, 23, fill="paper", w=10)
    p.circle(310, 250, 23, fill="paper", w=10)


def cushion(p):
    p.rect(40, 195, 345, 240, r=14, fill="paper")
    p.poly((80, 135), (305, 135), (345, 200), (40, 200), fill="accent")
    for x in range(100, 300, 45):
        p.circle(x + 10, 168, 12, fill="paper", outline=None)


def transferboard(p):
    p.rect(15, 200, 125, 275, r=10, fill="paper")
    p.rect(275, 175, 385, 275, r=10, fill="paper")
    p.poly((30, 185), (370, 150), (372, 176), (32, 212), fill="accent")
    p.ellipse(70, 185, 110, 200, fill="paper", outline=None)


def carhandle(p):
    p.rect(60, 40, 340, 280, r=40, fill=None, w=12)
    p.rect(320, 140, 350, 170, r=4, fill="ink", outline=None)
    p.line((330, 155), (230, 175), w=22, colour="accent")
    p.line((230, 175), (180, 180), w=26)


def hoist(p):
    p.line((60, 272), (340, 272), w=14)
    p.line((120, 272), (120, 60), w=16)
    p.line((120, 60), (300, 85), w=14)
    p.line((300, 85), (300, 130), w=8)
    p.line((250, 130), (350, 130), w=10)
    p.poly((260, 135), (340, 135), (330, 225), (270, 225), fill="accent")
    for x in (75, 325):
        p.circle(x, 282, 10, fill="ink", outline=None)


def bed(p):
    p.line((70, 105), (165, 185), (360, 185), w=34, colour="accent")
    p.line((60, 215), (360, 215), w=12)
    p.line((80, 215), (80, 260), w=10)
    p.line((340, 215), (340, 260), w=10)
    for x in (80, 340):
        p.circle(x, 270, 12, fill="ink", outline=None)


def bedlever(p):
    p.rect(25, 90, 55, 265, r=8, fill="ink", outline=None)
    p.rect(50, 160, 365, 210, r=12, fill="paper")
    p.line((50, 235), (365, 235), w=12)
    p.line((225, 185), (225, 95), (295, 95), (295, 185), w=14, colour="accent")


def leglifter(p):
    p.line((90, 80), (200, 190), (300, 240), w=14, colour="accent")
    p.ellipse(45, 30, 115, 95, fill=None, outline="accent", w=12)
    p.ellipse(280, 215, 360, 275, fill=None, outline="ink", w=12)


def rail(p):
    for x in range(40, 361, 80):
        p.line((x, 20), (x, 280), w=3, colour="accent")
    for y in (80, 220):
        p.line((30, y), (370, y), w=3, colour="accent")
    p.line((85, 150), (315, 150), w=26)
    for x in (85, 315):
        p.circle(x, 150, 24, fill="paper", w=8)


def _stairs(p):
    """A flight of five steps rising to the right, nosings on a line of slope -44/62."""
    points = [(40, 280)]
    for i in range(5):
        x, y = 40 + i * 62, 280 - i * 44
        points += [(x, y - 44), (x + 62, y - 44)]
    p.poly(*points, (350, 280), fill="accent", outline=None)


def stairs(p):
    _stairs(p)
    p.line((40, 200), (310, 8), w=12)
    p.line((70, 215), (330, 30), w=8, colour="ink")
    for x in (90, 200, 300):
        p.line((x, 200 - (x - 40) * 44 / 62 + 10), (x, 236 - (x - 40) * 44 / 62 + 6), w=6)


def stairlift(p):
    _stairs(p)
    p.line((40, 196), (320, -2), w=12)
    p.rect(150, 100, 180, 140, r=4, fill="ink", outline=None)
    p.rect(110, 15, 148, 125, r=12, fill="paper", w=10)
    p.rect(110, 92, 220, 127, r=12, fill="paper", w=10)


def ramp(p):
    p.poly((25, 270), (290, 175), (290, 270), fill="accent")
    p.rect(290, 175, 380, 270, r=4, fill="paper")
    p.circle(100, 210, 20, fill="ink", outline=None)


def door(p):
    p.rect(110, 18, 290, 42, r=6, fill="ink", outline=None)
    p.rect(120, 45, 280, 280, r=4, fill="accent")
    p.line((200, 30), (265, 70), w=10)
    p.circle(255, 170, 12, fill="paper")


# Health, therapy and orthoses


def pillbox(p):
    p.rect(30, 120, 370, 225, r=12, fill="paper")
    for i in range(7):
        x = 42 + i * 47
        p.rect(x, 132, x + 40, 212, r=6, fill="accent" if i % 2 == 0 else "ink", outline=None)


def pedals(p):
    p.line((50, 270), (350, 270), w=12)
    p.line((140, 270), (200, 180), (260, 270), w=10)
    p.circle(200, 180, 42, fill="paper", w=10)
    p.line((150, 150), (250, 210), w=10)
    p.rect(115, 135, 165, 160, r=6, fill="accent")
    p.rect(235, 200, 285, 225, r=6, fill="accent")


def putty(p):
    p.ellipse(80, 120, 320, 270, fill="accent", w=10)
    for r in (30, 50):
        p.arc(200 - r, 190 - r, 200 + r, 190 + r, 200, 340, w=5, colour="paper")


def gauge(p):
    p.rect(40, 110, 160, 215, r=24, fill="accent")
    p.line((160, 165), (215, 165), w=8)
    p.rect(205, 70, 355, 255, r=18, fill="paper")
    p.rect(225, 90, 335, 160, r=6, fill="accent", outline=None)
    p.circle(280, 210, 20, fill="ink", outline=None)
    p.waves(360, 115)


def splint(p):
    p.poly((70, 120), (320, 85), (335, 205), (85, 235), fill="accent", w=10)
    for x in (130, 200, 270):
        p.line((x, 100), (x + 8, 225), w=10, colour="paper")
    p.circle(300, 145, 16, fill="paper")
