"""Families for eating, cooking, self-care, dressing and handling things (ISO 09, 15, 24)."""

from products.demo.base import Family, M, Opt

EAT = "Eating and drinking"
WASH = "Washing and bathing"
TOILET = "Toileting"
DRESS = "Dressing"
GROOM = "Grooming"
COOK = "Cooking"
HOUSE = "Housework"
WALK = "Walking and moving around"
TRANSFER = "Transfers and positioning"
GRIP = "Grip, reach and carrying"

OA, RA = "Osteoarthritis", "Rheumatoid arthritis"
STROKE, MS, PD = "Stroke", "Multiple sclerosis", "Parkinson's"
TREMOR, WEAK_GRIP, FRAIL = "Tremor", "Reduced grip strength", "Frailty in older age"
SCI, CP, MND = "Spinal cord injury", "Cerebral palsy", "Motor neurone disease"
AMPUTATION, DEMENTIA, FATIGUE = "Amputation", "Dementia", "Chronic pain and fatigue (ME/CFS)"
SIGHT, LD, AUTISM = "Sight loss", "Learning disability", "Autism"

FAMILIES = [
    Family(
        key="angled-cutlery",
        title="{brand} {model} angled {option}",
        category="15 09 13",
        pictogram="cutlery",
        needs=(EAT, GRIP),
        conditions=(TREMOR, PD, WEAK_GRIP, RA, STROKE),
        summary="An angled {option} with a thick, soft handle, so food reaches the mouth "
        "without twisting the wrist.",
        helps="For people who find it hard to bend the wrist or close the hand around thin "
        "cutlery, such as people living with arthritis, a tremor or weakness after a stroke.",
        use="Hold the handle in your usual grip and let the angled head do the turning. Try "
        "the left- or right-handed version on the side you eat with before buying a set.",
        alt="an angled {option} with a thick ribbed handle",
        models=(
            M(
                "brightgrip",
                "Comfort",
                8.50,
                "The ribbed handle is 32 mm across and dishwasher safe.",
            ),
            M(
                "tumblebrook",
                "Everyday",
                6.95,
                "A lighter, slimmer handle for people who tire quickly.",
            ),
        ),
        options=(Opt("spoon"), Opt("fork"), Opt("teaspoon", -0.50)),
        spec=(
            ("Handle diameter", "32 mm"),
            ("Material", "Stainless steel head, soft-grip handle"),
            ("Dishwasher safe", "Yes"),
        ),
        dims={"weight_kg": 0.06},
    ),
    Family(
        key="weighted-cutlery",
        title="{brand} {model} weighted cutlery set",
        category="15 09 13",
        pictogram="cutlery",
        needs=(EAT,),
        conditions=(TREMOR, PD, MS, CP),
        summary="Heavier cutlery that damps a tremor, so food stays on the fork.",
        helps="The extra weight in the handle steadies small shaking movements. Many people "
        "with an essential tremor or Parkinson's find they spill less.",
        use="Start with one piece at a single meal: the weight takes some getting used to, and "
        "a set that is too heavy tires the arm.",
        alt="a knife, fork and spoon with chunky weighted handles",
        models=(
            M(
                "brightgrip",
                "Steady",
                24.00,
                "Each piece weighs about 200 g.",
                spec=(("Weight per piece", "About 200 g"),),
            ),
            M(
                "tumblebrook",
                "Calm",
                19.50,
                "A lighter set at about 140 g a piece.",
                spec=(("Weight per piece", "About 140 g"),),
            ),
        ),
        spec=(("Pieces", "Knife, fork, dessert spoon and teaspoon"), ("Dishwasher safe", "Yes")),
    ),
    Family(
        key="rocker-knife",
        title="{brand} {model} rocker knife",
        category="15 09 13",
        also=("24 18",),
        pictogram="knife",
        needs=(EAT, COOK),
        conditions=(STROKE, AMPUTATION, MS, CP),
        summary="A curved blade that cuts by rocking, so you can cut food with one hand.",
        helps="Useful to anyone who eats one-handed, for example after a stroke or an "
        "amputation, and to people who cannot hold a fork and knife at once.",
        use="Press the blade into the food and rock it from end to end; there is no need to "
        "saw. Keep the guard on when it is in the drawer.",
        alt="a knife with a curved rocking blade and a T-shaped handle",
        models=(
            M("brightgrip", "Arc", 11.95, "It has a T-shaped handle you push down on."),
            M("thistlecombe", "Swing", 9.50, "A pizza-wheel style rocker with a wide handle."),
        ),
        spec=(("Blade", "Stainless steel, serrated edge"),),
    ),
    Family(
        key="two-handled-mug",
        title="{brand} {model} two-handled mug {option}",
        category="15 09 16",
        pictogram="mug",
        needs=(EAT, GRIP),
        conditions=(TREMOR, PD, RA, CP, WEAK_GRIP),
        summary="A light mug with a handle on each side, for drinking with both hands.",
        helps="Two handles spread the weight and steady the cup, which helps people with a "
        "tremor, weak hands or painful fingers.",
        use="Fill it no more than two-thirds full until you know how it feels. A lid with a "
        "spout slows the flow for people who cough on drinks.",
        alt="a two-handled mug{option}",
        models=(
            M(
                "brightgrip",
                "Duo",
                8.95,
                "It holds 250 ml and is see-through so you can see the level.",
            ),
            M("tumblebrook", "Hug", 7.50, "An insulated 300 ml mug that keeps tea warm longer."),
        ),
        options=(
            Opt(""),
            Opt("with spouted lid", 2.00, "Comes with a spouted lid.", alt=" with a spouted lid"),
        ),
        spec=(("Capacity", "250 to 300 ml"), ("Microwave safe", "Yes, without the lid")),
    ),
    Family(
        key="cut-away-cup",
        title="{brand} {model} cut-away cup",
        category="15 09 16",
        pictogram="mug",
        needs=(EAT,),
        conditions=(MND, PD, STROKE, CP, SCI),
        summary="A cup with a cut-out for the nose, so you can drink without tipping your head "
        "back.",
        helps="Tipping the head back can make swallowing harder and less safe. Speech and "
        "language therapists often suggest a cut-away cup for people with swallowing "
        "difficulties.",
        use="Drink with the cut-out facing your nose. The soft plastic can be squeezed a little "
        "to shape the rim.",
        alt="a cup with a curved cut-out in the rim",
        models=(
            M("candlenut", "Nosey", 5.95, "Flexible clear plastic in a 225 ml size."),
            M("brightgrip", "Tilt", 7.25, "A firmer cup with a handle, holding 200 ml."),
        ),
    ),
    Family(
        key="plate-guard",
        title="{brand} {model} plate guard",
        category="15 09 21",
        pictogram="plate",
        needs=(EAT,),
        conditions=(STROKE, AMPUTATION, CP, PD),
        summary="A clip-on rim that gives you an edge to push food against.",
        helps="With a guard, people who eat with one hand can get food onto the fork without "
        "chasing it round the plate. It also suits children learning to feed themselves.",
        use="Clip the guard to the side of the plate opposite your eating hand. It fits most "
        "dinner plates from 23 to 28 cm across.",
        alt="a round plate with a raised clip-on rim",
        models=(
            M("thistlecombe", "Clip", 6.50, "A white plastic guard with three grips."),
            M(
                "brightgrip",
                "Edge",
                8.95,
                "Stainless steel, for people who prefer something less clinical.",
            ),
        ),
        spec=(("Fits plates", "23 to 28 cm across"),),
    ),
    Family(
        key="scoop-plate",
        title="{brand} {model} high-sided {option}",
        category="15 09 18",
        pictogram="plate",
        needs=(EAT,),
        conditions=(STROKE, MS, CP, DEMENTIA),
        summary="A {option} with one raised, inward-curving side and a non-slip base.",
        helps="The curved wall helps food onto a spoon. A strong colour makes food easier to see, "
        "which many people living with dementia find helps them eat more.",
        use="Turn the high side away from you. Wet the base first if the table is very smooth.",
        alt="a {option} with one high curved side",
        models=(
            M("thistlecombe", "Scoop", 9.95, "Available in blue, red or yellow."),
            M("tumblebrook", "Easi-eat", 12.50, "Made of melamine with a rubber base."),
        ),
        options=(Opt("plate"), Opt("bowl", -1.50)),
        spec=(("Dishwasher safe", "Yes"), ("Microwave safe", "No")),
    ),
    Family(
        key="non-slip-mat",
        title="{brand} {model} non-slip {option}",
        category="24 27",
        also=("15 09",),
        pictogram="mat",
        needs=(EAT, COOK, GRIP),
        conditions=(STROKE, TREMOR, AMPUTATION, CP),
        summary="Grippy, washable material that holds plates, bowls and boards still.",
        helps="When one hand cannot hold things steady, a mat keeps plates from sliding and jar "
        "lids from spinning.",
        use="Wipe it with warm soapy water and let it dry flat.",
        alt="a rectangular textured mat under a bowl",
        models=(
            M("tumblebrook", "Grip", 7.95, "The blue material does not mark tables."),
            M("brightgrip", "Hold", 9.50, "A thicker mat that also opens jars."),
        ),
        options=(
            Opt("mat, 35 by 25 cm", note="A mat sized for a dinner plate."),
            Opt("matting, 2 m roll", 6.00, "A roll you cut to any size."),
        ),
    ),
    Family(
        key="valve-straws",
        title="{brand} {model} one-way valve straws",
        category="15 09 13",
        pictogram="straw",
        needs=(EAT,),
        conditions=(MND, PD, STROKE, CP),
        summary="Reusable straws with a valve that keeps the drink at the top, so sipping takes "
        "less effort.",
        helps="For people who lack the strength to draw a drink all the way up a straw.",
        use="Check with a speech and language therapist first if you have any trouble "
        "swallowing. Clean the valve with the brush supplied.",
        alt="a cup with a bendy straw that has a small valve",
        models=(
            M("candlenut", "Sip", 8.95, "A pack of two, 20 cm long."),
            M("brightgrip", "Easy-sip", 11.50, "A pack of three with a cleaning brush."),
        ),
    ),
    Family(
        key="kettle-tipper",
        title="{brand} {model} kettle tipper",
        category="15 03",
        pictogram="kettle",
        needs=(COOK,),
        conditions=(OA, RA, STROKE, WEAK_GRIP, FRAIL),
        summary="A cradle that holds the kettle so you pour by tipping, not lifting.",
        helps="Lifting a full kettle is one of the first kitchen jobs to become hard with "
        "arthritis or weakness on one side. A tipper takes the weight.",
        use="Stand the tipper on a flat worktop near a socket. Tip slowly and keep the cup on "
        "the platform.",
        alt="a kettle sitting in a tilting metal cradle",
        models=(
            M("thistlecombe", "Pourwell", 27.50, "It takes most cordless jug kettles."),
            M("tumblebrook", "Tilt", 22.95, "A lighter frame with a drip tray."),
        ),
        spec=(("Fits", "Cordless jug kettles up to 1.7 litres"),),
        dims={"width_mm": 210, "depth_mm": 250, "height_mm": 160},
    ),
    Family(
        key="chopping-board",
        title="{brand} {model} one-handed chopping board",
        category="15 03",
        pictogram="board",
        needs=(COOK,),
        conditions=(STROKE, AMPUTATION, MS, CP),
        summary="A board with spikes, corner guards and a clamp, so you can prepare food with "
        "one hand.",
        helps="Designed for cooks who use one hand, such as after a stroke or an amputation.",
        use="Push vegetables onto the stainless steel spikes to hold them while you cut. The "
        "corner guards stop bread sliding when you butter it.",
        alt="a chopping board with spikes and raised corner guards",
        models=(
            M("thistlecombe", "Prep", 34.95, "It has suction feet and a built-in clamp."),
            M("brightgrip", "Solo", 29.50, "A lighter board with a grater that clips on."),
        ),
        spec=(("Material", "Polypropylene with stainless steel spikes"),),
        dims={"width_mm": 300, "depth_mm": 220},
    ),
    Family(
        key="jar-opener",
        title="{brand} {model} jar opener",
        category="24 06",
        also=("15 03",),
        pictogram="jar",
        needs=(COOK, GRIP),
        conditions=(OA, RA, WEAK_GRIP, MS),
        summary="Grips the lid so you can open jars and bottles without a strong twist.",
        helps="For anyone whose hands are weak or painful, including people with arthritis or "
        "carpal tunnel syndrome.",
        use="Push the jar into the V until the lid bites, then turn the jar, not the lid.",
        alt="a V-shaped jar opener holding a jar lid",
        models=(
            M(
                "brightgrip",
                "under-shelf",
                12.95,
                "It screws under a cupboard so both hands turn the jar.",
                spec=(("Fixing", "Two screws, supplied"),),
            ),
            M(
                "tumblebrook",
                "hand-held",
                6.50,
                "A small ribbed cone that works on lids from 2 to 9 cm.",
            ),
            M(
                "thistlecombe",
                "battery",
                19.95,
                "An electric opener that sits on the lid and turns itself.",
                spec=(("Power", "Four AA batteries"),),
            ),
        ),
    ),
    Family(
        key="tap-turner",
        title="{brand} {model} tap turner {option}",
        category="24 09",
        also=("09 33",),
        pictogram="tap",
        needs=(GRIP, WASH, COOK),
        conditions=(RA, OA, WEAK_GRIP),
        summary="A lever that fits over a tap head, so you turn it with the palm instead of "
        "the fingers.",
        helps="Old-style cross-head taps are hard to turn with arthritis. A turner is far "
        "cheaper than new taps.",
        use="Push the turner over the tap until the rubber pegs grip. Colour codes help tell hot "
        "from cold.",
        alt="a long red lever fitted over a tap head",
        spec=(("Fits", "Cross-head and round tap heads"),),
        models=(
            M("hollinrowe", "Lever", 8.95, "Sold in pairs with red and blue markers."),
            M("tumblebrook", "Easy", 6.50, "A single turner for cross-head or round taps."),
        ),
        options=(
            Opt(""),
            Opt("for kitchen taps", 1.00, "The longer lever suits tall kitchen taps."),
        ),
    ),
    Family(
        key="kitchen-trolley",
        title="{brand} {model} kitchen trolley",
        category="24 36",
        also=("12 06",),
        pictogram="trolley",
        needs=(COOK, WALK, GRIP),
        conditions=(FRAIL, OA, PD, MS),
        summary="A sturdy trolley with trays, for carrying plates and drinks while you walk.",
        helps="People who use a walking aid indoors cannot carry a cup at the same time. A trolley "
        "gives support and carries things.",
        use="Set the height so the handle is at your wrist crease with your arms by your side. "
        "Do not lean your full weight on it unless the maker says you can.",
        alt="a trolley with two trays, a handle and four wheels",
        models=(
            M(
                "wrenfield",
                "Caddy",
                79.00,
                "It has two deep trays and a choice of heights.",
                height_mm=880,
                weight_kg=7.5,
            ),
            M(
                "quaymoor",
                "Home",
                99.00,
                "Brakes on the back wheels and a bottle holder.",
                height_mm=900,
                weight_kg=8.2,
            ),
        ),
        spec=(("Handle height", "76 to 94 cm, adjustable"), ("Tray load", "10 kg")),
        dims={"width_mm": 480, "depth_mm": 410},
    ),
    Family(
        key="perching-stool",
        title="{brand} {model} perching stool {option}",
        category="18 09",
        also=("15 03",),
        pictogram="stool",
        needs=(COOK, WASH, TRANSFER),
        conditions=(FATIGUE, OA, MS, FRAIL),
        summary="A tall, sloping seat that lets you half-sit at the worktop or basin.",
        helps="For people who cannot stand for long but need to reach a kitchen worktop, such as "
        "people with chronic fatigue or painful knees.",
        use="Set the height so your feet are flat on the floor and your thighs slope down. The "
        "seat tips forward a little to make standing up easier.",
        alt="a tall stool with a forward-sloping seat and four legs{option}",
        models=(
            M(
                "kettlewick",
                "Perch",
                69.00,
                "The padded seat slopes forward by 5 degrees.",
                max_user_weight_kg=127,
            ),
            M(
                "quaymoor",
                "Lean",
                54.95,
                "A lighter frame that folds for storage.",
                max_user_weight_kg=110,
            ),
        ),
        options=(
            Opt("", note=""),
            Opt("with arms", 15.00, "Arms help you push up.", alt=" and arms"),
        ),
        spec=(("Seat height", "60 to 80 cm"),),
        dims={"width_mm": 450, "depth_mm": 450, "weight_kg": 6.5},
    ),
    Family(
        key="reacher",
        title="{brand} {model} reacher, {option}",
        category="24 21",
        also=("09 09",),
        pictogram="reacher",
        needs=(GRIP, DRESS, HOUSE),
        conditions=(OA, FRAIL, SCI, FATIGUE, MS),
        summary="A lightweight pick-up tool with a trigger grip, {option} long.",
        helps="Picking things up from the floor or a high shelf without bending or stretching, "
        "for example after a hip replacement.",
        use="Squeeze the trigger to close the jaws. The small magnet in the tip picks up keys "
        "and pins.",
        alt="a long reaching tool with a trigger handle and jaws",
        models=(
            M("brightgrip", "Pro", 14.95, "The jaws turn through 90 degrees."),
            M("tumblebrook", "Lightweight", 9.95, "An aluminium shaft weighing 150 g."),
        ),
        options=(Opt("66 cm"), Opt("76 cm", 1.00), Opt("82 cm", 2.00)),
        spec=(("Magnetic tip", "Yes"),),
    ),
    Family(
        key="long-sponge",
        title="{brand} {model} long-handled sponge",
        category="09 33",
        pictogram="sponge",
        needs=(WASH,),
        conditions=(OA, RA, FRAIL, SCI),
        summary="A sponge on a long, curved handle for washing your back, legs and feet.",
        helps="Stiff shoulders and hips make it hard to reach your feet and back. The handle "
        "brings them within reach.",
        use="Bend the handle in hot water to shape it, then let it cool.",
        alt="a curved handle with an oval sponge on the end",
        models=(
            M("pellow", "Reach", 7.95, "The handle is 60 cm long."),
            M("tumblebrook", "Flexi", 9.50, "A bendable handle with a replaceable head."),
        ),
    ),
    Family(
        key="bath-lift",
        title="{brand} {model} bath lift {option}",
        category="09 33",
        also=("12 36",),
        pictogram="bath",
        needs=(WASH, TRANSFER),
        conditions=(MS, OA, FRAIL, MND, SCI),
        summary="A battery-powered seat that lowers you into the bath and lifts you out again.",
        helps="For people who enjoy a bath but cannot safely get down to the bottom of it or back "
        "up. Check whether it clashes with grab rails before you buy.",
        use="Charge the hand control before each bath: the lift will not go down unless there is "
        "enough charge to bring you back up.",
        alt="a bath with a seat and backrest that lowers into it{option}",
        models=(
            M(
                "pellow",
                "Aqua",
                449.00,
                "The seat lowers to 6 cm from the bottom of the bath.",
                max_user_weight_kg=140,
                weight_kg=10.8,
            ),
            M(
                "quaymoor",
                "Tide",
                379.00,
                "Splits into two light parts for carrying.",
                max_user_weight_kg=127,
                weight_kg=9.2,
            ),
        ),
        options=(
            Opt(""),
            Opt(
                "with reclining back",
                120.00,
                "The back reclines to 40 degrees.",
                alt=", with a reclining back",
            ),
        ),
        spec=(("Seat height", "6 to 42 cm"), ("Battery", "Rechargeable, in the hand control")),
        dims={"width_mm": 600, "depth_mm": 680},
    ),
    Family(
        key="bath-board",
        title="{brand} {model} bath board, {option}",
        category="09 33",
        pictogram="bath",
        needs=(WASH, TRANSFER),
        conditions=(OA, FRAIL, STROKE, MS),
        summary="A board across the bath to sit on while you swing your legs in, {option} wide.",
        helps="For people who can step over the bath side with support but not get down into it.",
        use="Measure the inside width of your bath at the top: the board's brackets must fit "
        "snugly against both sides.",
        alt="a slatted board resting across the top of a bath",
        models=(
            M(
                "pellow",
                "Slatted",
                39.95,
                "It has a handle and a soap dish.",
                max_user_weight_kg=190,
            ),
            M(
                "tumblebrook",
                "Solid",
                32.50,
                "A flat board with drainage holes.",
                max_user_weight_kg=150,
            ),
        ),
        options=(Opt("66 cm"), Opt("71 cm", 2.00)),
    ),
    Family(
        key="shower-stool",
        title="{brand} {model} shower {option}",
        category="09 33",
        pictogram="stool",
        needs=(WASH,),
        conditions=(FATIGUE, MS, FRAIL, OA),
        summary="A height-adjustable {option} for sitting down in the shower.",
        helps="Standing to shower is tiring and a common place to fall. Sitting also makes it "
        "easier to wash your feet.",
        use="Set the height so your knees are a little lower than your hips. Check that all four "
        "feet sit flat if your shower floor slopes.",
        alt="a perforated shower {option}",
        models=(
            M(
                "pellow",
                "Aqua",
                39.95,
                "Its aluminium frame will not rust.",
                max_user_weight_kg=136,
            ),
            M(
                "quaymoor",
                "Compact",
                29.95,
                "A smaller seat for narrow shower trays.",
                max_user_weight_kg=120,
            ),
        ),
        options=(Opt("stool"), Opt("chair with arms", 25.00)),
        spec=(("Seat height", "42 to 55 cm"),),
        dims={"width_mm": 480, "depth_mm": 400, "weight_kg": 3.2},
    ),
    Family(
        key="raised-toilet-seat",
        title="{brand} {model} raised toilet seat, {option}",
        category="09 12",
        pictogram="toilet",
        needs=(TOILET, TRANSFER),
        conditions=(OA, FRAIL, FATIGUE, MS),
        summary="Raises the toilet by {option}, so sitting down and standing up take less effort.",
        helps="After a hip or knee replacement, or with stiff joints, a higher seat makes the "
        "toilet easier and safer to use.",
        use="Fit it with the brackets tightened against the inside of the pan, and check it does "
        "not rock before each use.",
        alt="a toilet with a thick raised seat",
        spec=(
            ("Fits", "Most standard and D-shaped toilet pans"),
            ("Fixing", "Adjustable side brackets"),
        ),
        models=(
            M("pellow", "Lift", 24.95, "It comes with a lid.", max_user_weight_kg=190),
            M(
                "tumblebrook",
                "Basic",
                18.50,
                "A simple seat without a lid, easy to clean.",
                max_user_weight_kg=160,
            ),
        ),
        options=(Opt("5 cm"), Opt("10 cm", 2.00), Opt("15 cm", 4.00)),
    ),
    Family(
        key="toilet-frame",
        title="{brand} {model} toilet surround frame",
        category="09 12",
        also=("18 18",),
        pictogram="toilet",
        needs=(TOILET, TRANSFER),
        conditions=(FRAIL, OA, PD, STROKE),
        summary="A free-standing frame with arm rests either side of the toilet to push up from.",
        helps="For people who need something to push on when sitting and standing, where grab "
        "rails cannot be fitted to the wall.",
        use="Set the arm rests to the same height as the top of your hips when standing.",
        alt="a toilet with a metal frame and arm rests around it",
        models=(
            M(
                "quaymoor",
                "Upright",
                49.95,
                "The legs adjust in 2.5 cm steps.",
                max_user_weight_kg=160,
            ),
            M(
                "hollinrowe",
                "Fold",
                64.00,
                "The arms fold up for carers to help from the side.",
                max_user_weight_kg=190,
            ),
        ),
        spec=(("Arm rest height", "66 to 79 cm"),),
        dims={"width_mm": 560, "depth_mm": 460},
    ),
    Family(
        key="commode",
        title="{brand} {model} commode chair",
        category="09 12",
        pictogram="chair",
        needs=(TOILET, TRANSFER),
        conditions=(MS, FRAIL, DEMENTIA, STROKE),
        summary="A chair with a removable pan, for using the toilet beside the bed at night.",
        helps="Useful when the bathroom is too far to reach in time, or upstairs.",
        use="Keep it where you can reach it from bed without turning. Empty and rinse the pan "
        "each morning.",
        alt="a padded chair with arms and a lid over a pan",
        spec=(("Seat height", "46 to 56 cm"), ("Pan", "Removable, with lid")),
        models=(
            M(
                "quaymoor",
                "Night",
                89.00,
                "A padded lid makes it look like an ordinary chair.",
                max_user_weight_kg=160,
            ),
            M(
                "kettlewick",
                "Homely",
                139.00,
                "A wooden chair in oak or walnut finish.",
                max_user_weight_kg=127,
            ),
        ),
        dims={"width_mm": 560, "depth_mm": 520, "height_mm": 880},
    ),
    Family(
        key="toilet-tissue-aid",
        title="{brand} {model} toilet tissue aid",
        category="09 12",
        pictogram="reacher",
        needs=(TOILET, GRIP),
        conditions=(OA, RA, AMPUTATION, FRAIL, SCI),
        summary="A long-handled holder that grips toilet paper, for wiping without twisting.",
        helps="For people whose shoulders, hips or hands make it hard to reach after using the "
        "toilet, which matters a great deal for privacy and dignity.",
        use="Wrap the tissue round the head and press the release to drop it.",
        alt="a curved wand with a tissue gripped at one end",
        models=(
            M("larkhollow", "Reach", 14.50, "The 38 cm wand releases the tissue with a button."),
            M("tumblebrook", "Simple", 8.95, "A one-piece wand with a slot that holds tissue."),
        ),
    ),
    Family(
        key="sock-aid",
        title="{brand} {model} sock aid",
        category="09 09",
        pictogram="sock",
        needs=(DRESS,),
        conditions=(OA, FATIGUE, FRAIL, SCI),
        summary="A gutter you slide a sock onto, then pull onto your foot with the cords.",
        helps="Putting on socks needs bending that is not allowed after some hip operations, and "
        "is hard with a stiff back.",
        use="Slide the sock onto the gutter with the heel at the back, drop it to the floor, "
        "put your toes in and pull.",
        alt="a curved plastic sock aid with two long cords",
        models=(
            M("larkhollow", "Flexi", 9.95, "A flexible gutter with foam handles on the cords."),
            M("brightgrip", "Twin-cord", 12.50, "A firmer gutter for compression stockings."),
            M("tumblebrook", "Simple", 6.95, "A basic flexible gutter with looped cords."),
        ),
    ),
    Family(
        key="shoe-horn",
        title="{brand} {model} long-handled shoe horn, {option}",
        category="09 09",
        pictogram="shoehorn",
        needs=(DRESS,),
        conditions=(OA, FRAIL, FATIGUE),
        summary="A {option} shoe horn for putting on shoes without bending down.",
        helps="Helps anyone who should not, or cannot, bend to their feet.",
        use="Stand or sit with the horn behind your heel and slide your foot down it.",
        alt="a long shoe horn with a hooked handle",
        models=(
            M("larkhollow", "Classic", 6.95, "A plastic horn with a hanging hook."),
            M("pikestaff", "Steel", 12.95, "A sprung steel horn that flexes with your heel."),
        ),
        options=(Opt("45 cm"), Opt("60 cm", 1.00), Opt("75 cm", 2.00)),
    ),
    Family(
        key="button-hook",
        title="{brand} {model} button hook",
        category="09 09",
        pictogram="buttonhook",
        needs=(DRESS, GRIP),
        conditions=(RA, PD, STROKE, MS, TREMOR),
        summary="A wire loop on a chunky handle that pulls buttons through buttonholes.",
        helps="Small buttons are hard with stiff or shaky fingers, or with one hand.",
        use="Push the loop through the buttonhole, catch the button and pull it back through.",
        alt="a wire button hook on a thick handle",
        models=(
            M("larkhollow", "Two-in-one", 5.95, "It has a zip puller at the other end."),
            M("brightgrip", "Loop", 7.50, "A larger moulded handle for weak grips."),
        ),
    ),
    Family(
        key="elastic-laces",
        title="{brand} {model} elastic laces, {option}",
        category="09 03",
        pictogram="shoe",
        needs=(DRESS,),
        conditions=(STROKE, RA, AUTISM, LD, CP),
        summary="Stretchy laces that turn lace-ups into slip-ons, in {option}.",
        helps="Tying laces needs two hands and fine finger movement. Children and adults who "
        "find laces frustrating use them too.",
        use="Lace the shoes once, adjust the stoppers and leave them. Slip the shoe on with a "
        "shoe horn.",
        alt="a trainer with curly elastic laces",
        models=(
            M("larkhollow", "Curly", 4.95, "The curly laces need no tying."),
            M("tumblebrook", "Lock", 5.95, "Straight elastic laces with a lock toggle."),
        ),
        options=(Opt("black"), Opt("white"), Opt("bright colours", 0.50)),
    ),
    Family(
        key="magnetic-shirt",
        title="{brand} {model} magnetic-fastening shirt, {option}",
        category="09 03",
        pictogram="shirt",
        needs=(DRESS,),
        conditions=(PD, STROKE, MS, RA, MND),
        summary="A smart shirt with magnets hidden behind the buttons, in {option}.",
        helps="Looks like any other shirt but closes itself, for people who cannot do up buttons.",
        use="Line up the two sides and let the magnets close it. Remove before MRI scans and keep "
        "away from pacemakers as the maker advises.",
        alt="a collared shirt with a button front",
        models=(
            M("larkhollow", "Smart", 39.00, "Sizes from small to double extra large."),
            M("tumblebrook", "Easy", 29.95, "A short-sleeved cotton shirt."),
        ),
        options=(Opt("white"), Opt("pale blue"), Opt("blue check", 3.00)),
    ),
    Family(
        key="hair-brush",
        title="{brand} {model} long-handled {option}",
        category="09 39",
        pictogram="comb",
        needs=(GROOM,),
        conditions=(OA, RA, SCI, MS),
        summary="A {option} on a long, angled handle, for people who cannot raise their arms.",
        helps="Stiff or painful shoulders make it hard to reach the back of the head.",
        use="The handle bends when warmed to suit your reach.",
        alt="a {option} on a long curved handle",
        models=(
            M("larkhollow", "Reach", 9.95, "The handle is 38 cm long."),
            M("brightgrip", "Soft", 12.50, "A soft-grip handle."),
        ),
        options=(Opt("hairbrush"), Opt("comb", -1.50)),
    ),
    Family(
        key="nail-clippers",
        title="{brand} {model} table-top nail clippers",
        category="09 36",
        pictogram="clippers",
        needs=(GROOM,),
        conditions=(RA, STROKE, TREMOR, SIGHT),
        summary="Nail clippers on a weighted base that you press with the palm or elbow.",
        helps="For cutting your own nails with one hand or weak fingers.",
        use="Rest the clippers on a table and press down on the large lever.",
        alt="nail clippers fixed to a base with a large lever",
        models=(
            M("candlenut", "Press", 15.95, "A magnifier is built into the lever."),
            M("tumblebrook", "Steady", 12.50, "Suction feet hold it to the table."),
        ),
    ),
    Family(
        key="easy-toothbrush",
        title="{brand} {model} easy-grip toothbrush",
        category="09 42",
        pictogram="toothbrush",
        needs=(GROOM, GRIP),
        conditions=(RA, PD, CP, WEAK_GRIP),
        summary="A toothbrush with a thick, soft handle that is easy to hold.",
        helps="Helps people with a weak or painful grip keep their own teeth clean.",
        use="Change the head every three months; the handle stays.",
        alt="a toothbrush with a chunky rubber handle",
        models=(
            M("candlenut", "Chunky", 6.95, "The handle is 3 cm thick."),
            M("brightgrip", "Three-sided", 8.50, "Bristles on three sides clean faster."),
        ),
    ),
    Family(
        key="foam-tubing",
        title="{brand} {model} foam grip tubing, {option}",
        category="24 18",
        pictogram="grip",
        needs=(GRIP, EAT),
        conditions=(RA, OA, WEAK_GRIP, PD),
        summary="Soft foam tubing that thickens handles of cutlery, pens and toothbrushes, "
        "{option} bore.",
        helps="Makes everyday things easier to hold with stiff or weak hands.",
        use="Cut it to length with scissors and push it over the handle.",
        alt="three lengths of foam tubing of different colours",
        models=(
            M("brightgrip", "Cushion", 7.95, "A pack of three 30 cm lengths."),
            M("tumblebrook", "Tube", 5.50, "A single 30 cm length, easy to cut."),
        ),
        options=(Opt("small"), Opt("large", 0.50)),
    ),
    Family(
        key="key-turner",
        title="{brand} {model} key turner",
        category="24 18",
        also=("18 21",),
        pictogram="key",
        needs=(GRIP,),
        conditions=(RA, OA, WEAK_GRIP, STROKE),
        summary="A large handle that holds your keys and gives more leverage to turn them.",
        helps="For people who find it hard to grip and twist small keys.",
        use="Fit up to three keys and fold out the one you need.",
        alt="a chunky plastic handle holding a house key",
        models=(
            M("brightgrip", "Turn", 6.95, "It holds two keys."),
            M("hollinrowe", "Lever", 8.50, "A longer handle with room for three keys."),
        ),
    ),
    Family(
        key="dustpan",
        title="{brand} {model} long-handled dustpan and brush",
        category="15 12",
        pictogram="dustpan",
        needs=(HOUSE,),
        conditions=(FATIGUE, FRAIL, OA, MS),
        summary="A dustpan and brush on long handles, for sweeping up without bending.",
        helps="Bending to the floor can cause dizziness and back pain.",
        use="The lid of the pan closes when you lift it.",
        alt="a dustpan and brush on long upright handles",
        models=(
            M("tumblebrook", "Upright", 14.95, "The brush clips to the pan."),
            M("thistlecombe", "Lobby", 19.95, "A metal lobby pan with a lid."),
        ),
    ),
    Family(
        key="mop",
        title="{brand} {model} self-wringing mop",
        category="15 12",
        pictogram="mop",
        needs=(HOUSE, GRIP),
        conditions=(RA, OA, WEAK_GRIP, FATIGUE),
        summary="A mop that wrings itself when you slide the handle, with no twisting by hand.",
        helps="Wringing a mop is hard on wrists and fingers.",
        use="Slide the lever down the handle to squeeze the head.",
        alt="a mop with a lever on the handle",
        models=(
            M("thistlecombe", "Squeeze", 16.50, "A butterfly sponge head."),
            M("tumblebrook", "Twist-free", 19.95, "A microfibre head that washes at 60 °C."),
        ),
    ),
]
