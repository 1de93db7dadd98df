"""Pictograms for eating, cooking, self-care, dressing and housework."""

# Eating, drinking and the kitchen


def cutlery(p):
    p.rect(105, 140, 145, 285, r=18, fill="accent")
    p.line((125, 140), (125, 95), w=10)
    p.ellipse(95, 20, 155, 100, fill="paper")
    p.rect(180, 140, 220, 285, r=18, fill="accent")
    p.line((200, 140), (200, 95), w=10)
    p.rect(175, 70, 225, 100, r=8, fill="ink", outline=None)
    for x in (180, 193, 207, 220):
        p.line((x, 75), (x, 25), w=7)
    p.rect(255, 140, 295, 285, r=18, fill="accent")
    p.poly((262, 145), (292, 145), (292, 30), (262, 70), fill="paper")


def knife(p):
    p.chord(70, 110, 330, 300, 0, 180, fill="paper")
    p.rect(185, 70, 215, 210, r=10, fill="accent")
    p.rect(120, 40, 280, 80, r=20, fill="accent")


def mug(p, handles=2):
    if handles == 2:
        p.ellipse(55, 120, 150, 220, fill=None, w=16)
    p.ellipse(250, 120, 345, 220, fill=None, w=16)
    p.rect(115, 70, 285, 275, r=24, fill="paper", w=10)
    p.rect(125, 140, 275, 265, r=16, fill="accent", outline=None)


def levelcup(p):
    mug(p, handles=1)
    p.rect(215, 30, 265, 110, r=10, fill="ink", outline=None)
    p.line((228, 110), (228, 170), w=6)
    p.line((252, 110), (252, 170), w=6)
    p.waves(280, 60)


def straw(p):
    p.poly((135, 90), (265, 90), (248, 275), (152, 275), fill="paper", w=10)
    p.poly((142, 150), (258, 150), (248, 268), (152, 268), fill="accent", outline=None)
    p.line((215, 250), (245, 50), (300, 25), w=12)
    p.circle(238, 100, 14, fill="accent")


def plate(p):
    p.ellipse(30, 130, 370, 280, fill="paper", w=10)
    p.ellipse(95, 160, 305, 250, fill=None, outline="accent", w=8)
    p.arc(30, 95, 370, 245, 180, 360, w=22, colour="accent")


def mat(p):
    p.rect(40, 170, 360, 275, r=20, fill="accent")
    for x in range(70, 340, 40):
        for y in (195, 225, 255):
            p.circle(x, y, 5, fill="paper", outline=None)
    p.chord(130, 70, 270, 210, 0, 180, fill="paper", w=10)


def kettle(p):
    p.rect(70, 245, 330, 270, r=8, fill="accent")
    p.line((80, 250), (80, 170), w=12)
    p.line((320, 250), (320, 170), w=12)
    p.arc(90, 90, 170, 200, 90, 270, w=16)
    p.poly((270, 150), (350, 95), (360, 112), (275, 200), fill="paper", w=8)
    p.rect(125, 80, 280, 240, r=30, fill="paper", w=10)
    p.rect(170, 60, 235, 85, r=10, fill="ink", outline=None)


def board(p):
    p.rect(40, 150, 360, 265, r=14, fill="accent")
    for x in (170, 200, 230):
        p.line((x, 175), (x, 120), w=7)
    p.line((55, 140), (55, 235), w=12)
    p.line((55, 140), (140, 140), w=12)
    p.ellipse(250, 90, 340, 140, fill="paper")


def jar(p):
    p.rect(130, 135, 270, 285, r=24, fill="paper", w=10)
    p.rect(140, 190, 260, 275, r=14, fill="accent", outline=None)
    p.rect(118, 100, 282, 140, r=10, fill="accent", w=8)
    p.line((70, 30), (200, 100), (330, 30), w=16)


def tap(p):
    p.rect(140, 255, 260, 280, r=8, fill="ink", outline=None)
    p.rect(183, 130, 217, 258, r=8, fill="paper")
    p.line((217, 165), (300, 165), (300, 210), w=18)
    p.circle(200, 120, 28, fill="paper")
    p.rect(190, 95, 370, 130, r=16, fill="accent")
    for y in (235, 262):
        p.circle(300, y, 7, fill="accent", outline=None)


def trolley(p):
    p.line((95, 60), (95, 250), w=12)
    p.line((305, 60), (305, 250), w=12)
    p.line((80, 60), (320, 60), w=16)
    p.rect(85, 115, 315, 140, r=6, fill="accent")
    p.rect(85, 200, 315, 225, r=6, fill="accent")
    for x in (95, 305):
        p.circle(x, 265, 17, fill="paper", w=8)


# Self-care and dressing


def reacher(p):
    p.line((70, 250), (330, 55), w=12)
    p.line((85, 240), (55, 292), w=22, colour="accent")
    p.line((105, 230), (112, 268), w=8)
    p.line((330, 55), (365, 20), w=10)
    p.line((330, 55), (372, 55), w=10)


def sponge(p):
    p.line((60, 275), (130, 200), (220, 135), (280, 100), w=14)
    p.ellipse(260, 30, 370, 115, fill="accent", w=8)


def bath(p):
    p.rect(125, 105, 265, 130, r=6, fill="accent")
    p.rect(125, 35, 150, 130, r=6, fill="accent")
    p.poly((40, 150), (360, 150), (330, 255), (70, 255), fill="paper", w=10)
    p.rect(25, 138, 375, 162, r=10, fill="paper", w=8)
    for x in (95, 305):
        p.circle(x, 268, 12, fill="ink", outline=None)


def toilet(p):
    p.rect(250, 35, 320, 150, r=10, fill="paper")
    p.poly((100, 165), (270, 165), (250, 240), (215, 280), (145, 280), (115, 240), fill="paper")
    p.ellipse(75, 125, 290, 180, fill="accent", w=8)
    p.line((50, 200), (50, 110), (100, 110), w=10)


def chair(p):
    p.rect(105, 30, 140, 185, r=10, fill="accent")
    p.rect(105, 150, 295, 185, r=10, fill="accent")
    p.line((120, 185), (120, 275), w=12)
    p.line((280, 185), (280, 275), w=12)
    p.line((120, 105), (285, 105), (285, 150), w=10)


def armchair(p):
    p.rect(80, 30, 180, 235, r=36, fill="accent")
    p.rect(110, 160, 330, 235, r=28, fill="accent")
    p.rect(150, 115, 330, 170, r=24, fill="paper")
    p.rect(120, 235, 320, 265, r=6, fill="ink", outline=None)


def officechair(p):
    p.rect(140, 25, 180, 150, r=14, fill="accent")
    p.rect(125, 140, 295, 168, r=12, fill="accent")
    p.line((175, 110), (275, 110), w=10)
    p.line((210, 168), (210, 245), w=14)
    p.line((120, 250), (300, 250), w=12)
    for x in (125, 210, 295):
        p.circle(x, 268, 11, fill="ink", outline=None)


def stool(p):
    p.line((140, 120), (105, 275), w=12)
    p.line((265, 130), (300, 275), w=12)
    p.line((180, 120), (170, 275), w=10)
    p.line((225, 125), (240, 275), w=10)
    p.line((125, 215), (280, 215), w=8)
    p.poly((110, 90), (290, 105), (290, 135), (110, 120), fill="accent")


def sock(p):
    p.line((145, 120), (70, 260), w=8)
    p.line((255, 120), (330, 260), w=8)
    p.circle(70, 268, 16, fill="paper")
    p.circle(330, 268, 16, fill="paper")
    p.chord(110, 20, 290, 200, 0, 180, fill="accent", w=10)


def shoehorn(p):
    p.arc(182, 8, 222, 48, 180, 360, w=10)
    p.line((202, 28), (202, 215), w=16)
    p.poly((178, 205), (226, 205), (240, 285), (164, 285), fill="accent")


def buttonhook(p):
    p.rect(178, 160, 222, 285, r=20, fill="accent")
    p.line((200, 160), (200, 80), w=6)
    p.ellipse(180, 20, 220, 85, fill=None, w=6)
    p.circle(290, 90, 28, fill="paper")
    for dx, dy in ((-8, -8), (8, -8), (-8, 8), (8, 8)):
        p.circle(290 + dx, 90 + dy, 4, fill="ink", outline=None)


def shoe(p):
    p.poly((55, 240), (55, 150), (150, 120), (225, 170), (330, 195), (345, 240), fill="paper")
    p.rect(50, 235, 350, 260, r=10, fill="ink", outline=None)
    for i in range(4):
        x = 140 + i * 24
        p.arc(x - 14, 128 + i * 10, x + 14, 156 + i * 10, 0, 300, w=6, colour="accent")


def shirt(p):
    p.poly(
        (110, 60),
        (165, 35),
        (200, 60),
        (235, 35),
        (290, 60),
        (355, 125),
        (315, 160),
        (290, 135),
        (290, 275),
        (110, 275),
        (110, 135),
        (85, 160),
        (45, 125),
        fill="accent",
    )
    p.line((200, 60), (200, 275), w=6)
    for y in (100, 145, 190, 235):
        p.circle(200, y, 7, fill="paper", outline=None)


def comb(p):
    p.line((60, 275), (255, 110), w=14)
    p.ellipse(235, 30, 350, 130, fill="accent")
    for x, y in ((265, 60), (295, 55), (320, 75), (270, 95), (300, 95)):
        p.circle(x, y, 5, fill="ink", outline=None)


def clippers(p):
    p.rect(70, 220, 330, 265, r=14, fill="accent")
    p.rect(110, 190, 180, 222, r=6, fill="ink", outline=None)
    p.poly((100, 195), (330, 140), (335, 162), (105, 212), fill="paper")


def toothbrush(p):
    p.line((75, 265), (240, 110), w=44, colour="accent")
    p.line((240, 110), (315, 45), w=14)
    for i in range(4):
        x, y = 270 + i * 14, 70 - i * 12
        p.line((x, y), (x - 16, y - 18), w=6)


def grip(p):
    for y0, fill in ((70, "accent"), (135, "paper"), (200, "ink")):
        p.rect(50, y0, 320, y0 + 45, r=22, fill=fill)
        p.ellipse(300, y0 + 4, 336, y0 + 41, fill="paper")


def key(p):
    p.rect(50, 105, 210, 195, r=44, fill="accent", w=10)
    p.line((210, 150), (345, 150), w=18)
    p.line((300, 150), (300, 180), w=12)
    p.line((330, 150), (330, 174), w=12)


def dustpan(p):
    p.line((170, 220), (170, 35), w=12)
    p.poly((95, 215), (250, 215), (235, 275), (110, 275), fill="accent")
    p.line((300, 35), (300, 215), w=10)
    p.rect(265, 210, 335, 275, r=8, fill="ink", outline=None)


def mop(p):
    p.line((200, 20), (200, 205), w=12)
    p.rect(182, 100, 218, 150, r=8, fill="accent")
    p.poly((120, 200), (280, 200), (315, 275), (85, 275), fill="accent")
