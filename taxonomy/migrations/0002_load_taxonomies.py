"""Load the ISO 9999 categories, needs and conditions Enabled started with.

The rows are written out here rather than read from taxonomy/data, so that this migration
does the same thing on any database whenever it runs: those files grow and change, and a
change to them reaches existing databases only through a new migration with its own rows
(tests/taxonomy/test_migrations.py checks that the migrations and the files agree).
It uses the historical models alone, and works out each category's parent, slug and
level from its code as the models did when it was written.
"""

from django.db import migrations

# (code, title), each parent before its children.
ISO_CATEGORIES = [
    ("04", "Measuring, stimulating or training physiological and psychological functions"),
    ("04 03", "Respiratory therapy"),
    ("04 06", "Circulation therapy"),
    ("04 19", "Administering medicines"),
    ("04 24", "Physical, physiological and biochemical testing"),
    ("04 33", "Tissue integrity (pressure care)"),
    ("04 48", "Movement, strength and balance training"),
    ("06", "Orthoses and prostheses"),
    ("06 03", "Spinal and cranial orthoses"),
    ("06 06", "Upper limb orthoses"),
    ("06 12", "Lower limb orthoses"),
    ("06 18", "Upper limb prostheses"),
    ("06 24", "Lower limb prostheses"),
    ("09", "Self-care activities and participation in self-care"),
    ("09 03", "Clothes and shoes"),
    ("09 09", "Dressing and undressing"),
    ("09 12", "Toileting"),
    ("09 21", "Skin care and skin cleaning"),
    ("09 33", "Washing, bathing and showering"),
    ("09 36", "Manicure and pedicure"),
    ("09 39", "Hair care"),
    ("09 42", "Dental care"),
    ("12", "Personal mobility and transportation"),
    ("12 03", "Walking aids handled by one arm"),
    ("12 03 03", "Walking sticks and canes"),
    ("12 03 06", "Elbow crutches"),
    ("12 06", "Walking aids handled by both arms"),
    ("12 06 03", "Walking frames"),
    ("12 06 06", "Rollators"),
    ("12 07", "Accessories for walking aids"),
    ("12 12", "Vehicle adaptations"),
    ("12 18", "Cycles"),
    ("12 22", "Manual wheelchairs"),
    ("12 23", "Powered wheelchairs"),
    ("12 24", "Wheelchair accessories"),
    ("12 31", "Changing body position"),
    ("12 36", "Lifting persons"),
    ("12 39", "Orientation"),
    ("15", "Domestic activities and participation in domestic life"),
    ("15 03", "Preparing food and drink"),
    ("15 06", "Washing dishes"),
    ("15 09", "Eating and drinking"),
    ("15 09 13", "Cutlery and straws"),
    ("15 09 16", "Cups and glasses"),
    ("15 09 18", "Plates and bowls"),
    ("15 09 21", "Food guards"),
    ("15 12", "Cleaning the house"),
    ("15 15", "Making and maintaining textiles"),
    ("18", "Furnishings, fixtures and other products for indoor and outdoor environments"),
    ("18 03", "Tables"),
    ("18 06", "Light fixtures"),
    ("18 09", "Sitting furniture"),
    ("18 10", "Accessories for sitting furniture"),
    ("18 12", "Beds"),
    ("18 15", "Height adjustment of furniture"),
    ("18 18", "Handrails and grab bars"),
    ("18 21", "Openers and closers for gates, doors, windows and curtains"),
    ("18 30", "Vertical accessibility"),
    ("18 33", "Safety equipment for homes"),
    ("22", "Communication and information management"),
    ("22 03", "Seeing"),
    ("22 06", "Hearing"),
    ("22 09", "Voice production"),
    ("22 12", "Drawing and writing"),
    ("22 18", "Recording, playing and presenting audio and visual information"),
    ("22 21", "Face-to-face communication"),
    ("22 24", "Telephoning and telematic messaging"),
    ("22 27", "Alarming, indicating, reminding and signalling"),
    ("22 30", "Reading"),
    ("22 36", "Input devices for computers"),
    ("24", "Controlling, carrying, moving and handling objects and devices"),
    ("24 06", "Handling containers"),
    ("24 09", "Operating and controlling devices"),
    ("24 13", "Remote control"),
    ("24 18", "Assisting or replacing arm, hand or finger function"),
    ("24 21", "Extended reach"),
    ("24 27", "Fixation"),
    ("24 36", "Carrying and transporting"),
    ("27", "Controlling, adapting or measuring elements of physical environments"),
    ("27 03", "Environmental improvement"),
    ("27 06", "Measuring instruments"),
    ("28", "Work activities and participation in employment"),
    ("28 03", "Furniture and furnishings in work places"),
    ("28 12", "Fixing, reaching and grasping objects in work places"),
    ("28 21", "Office administration and information management in work places"),
    ("30", "Recreation and leisure"),
    ("30 03", "Play"),
    ("30 09", "Sports"),
    ("30 12", "Playing and composing music"),
    ("30 18", "Handicraft tools, materials and equipment"),
    ("30 21", "Gardening and lawn care"),
]

# (name, slug, description)
NEEDS = [
    (
        "Eating and drinking",
        "eating-and-drinking",
        "Cutlery, cups, plates and aids that make meals easier and more independent.",
    ),
    (
        "Washing and bathing",
        "washing-and-bathing",
        "Getting in and out of the bath or shower, and washing safely.",
    ),
    ("Toileting", "toileting", "Raised seats, frames and aids for using the toilet safely."),
    ("Dressing", "dressing", "Putting on and taking off clothes, socks and shoes."),
    ("Grooming", "grooming", "Hair care, shaving, teeth, nails and make-up."),
    ("Cooking", "cooking", "Preparing food and drink in the kitchen."),
    ("Housework", "housework", "Cleaning, laundry and looking after the home."),
    (
        "Walking and moving around",
        "walking-and-moving-around",
        "Walking aids, wheelchairs and getting around indoors and out.",
    ),
    (
        "Transfers and positioning",
        "transfers-and-positioning",
        "Moving between bed, chair and toilet, and changing position.",
    ),
    (
        "Grip, reach and carrying",
        "grip-reach-and-carrying",
        "Holding, reaching, opening and carrying everyday things.",
    ),
    (
        "Communicating, reading and writing",
        "communicating-reading-and-writing",
        "Speaking, reading, writing and using phones and computers.",
    ),
    ("Seeing", "seeing", "Magnifiers, lighting and aids for people with sight loss."),
    ("Hearing", "hearing", "Amplifiers, alerts and aids for people with hearing loss."),
    ("Getting out and about", "getting-out-and-about", "Transport, driving and travelling."),
    ("Work and study", "work-and-study", "Equipment for the workplace, college and school."),
    ("Leisure and hobbies", "leisure-and-hobbies", "Sport, gardening, games, music and crafts."),
    (
        "Memory and orientation",
        "memory-and-orientation",
        "Reminders, clocks, alarms and aids for finding the way.",
    ),
]

# (name, slug, description)
CONDITIONS = [
    (
        "Osteoarthritis",
        "osteoarthritis",
        "Wear of the joints causing pain and stiffness, often in hands, hips and knees.",
    ),
    (
        "Rheumatoid arthritis",
        "rheumatoid-arthritis",
        "An inflammatory condition that affects the joints, often the hands and wrists.",
    ),
    (
        "Stroke",
        "stroke",
        "Effects of a stroke, such as weakness on one side, or changes in speech and vision.",
    ),
    (
        "Multiple sclerosis",
        "multiple-sclerosis",
        "A condition of the nervous system affecting movement, balance, vision and energy.",
    ),
    (
        "Parkinson's",
        "parkinsons",
        "A progressive condition causing tremor, stiffness and slowness of movement.",
    ),
    ("Dementia", "dementia", "Conditions that affect memory, thinking and orientation."),
    (
        "Spinal cord injury",
        "spinal-cord-injury",
        "Injury to the spinal cord affecting movement and sensation.",
    ),
    (
        "Cerebral palsy",
        "cerebral-palsy",
        "A lifelong condition affecting movement and co-ordination.",
    ),
    (
        "Motor neurone disease",
        "motor-neurone-disease",
        "A progressive condition affecting the nerves that control muscles.",
    ),
    ("Amputation", "amputation", "Loss of all or part of a limb."),
    ("Sight loss", "sight-loss", "Partial sight and blindness."),
    ("Hearing loss", "hearing-loss", "Partial hearing and deafness."),
    (
        "Learning disability",
        "learning-disability",
        "A reduced ability to understand new or complex information.",
    ),
    (
        "Autism",
        "autism",
        "A lifelong difference in how people communicate and experience the world.",
    ),
    (
        "Chronic pain and fatigue (ME/CFS)",
        "chronic-pain-and-fatigue-mecfs",
        "Long-term pain or exhaustion that limits activity.",
    ),
    ("Frailty in older age", "frailty-in-older-age", "Reduced strength and energy in later life."),
    ("Tremor", "tremor", "Shaking that makes precise movements difficult."),
    (
        "Reduced grip strength",
        "reduced-grip-strength",
        "Difficulty gripping, pinching or twisting.",
    ),
    (
        "Muscular dystrophy",
        "muscular-dystrophy",
        "Inherited conditions causing progressive muscle weakness.",
    ),
]


def load_iso_categories(apps):
    IsoCategory = apps.get_model("taxonomy", "IsoCategory")
    by_code = {}
    for code, title in ISO_CATEGORIES:
        pairs = code.split()
        defaults = {
            "title": title,
            "parent": by_code.get(" ".join(pairs[:-1])),
            "slug": "-".join(pairs),
            "level": len(pairs),
        }
        by_code[code], _ = IsoCategory.objects.update_or_create(code=code, defaults=defaults)


def load_vocabulary(apps, model_name, rows):
    # An existing term keeps what editors made of it.
    model = apps.get_model("taxonomy", model_name)
    for name, slug, description in rows:
        model.objects.get_or_create(name=name, defaults={"slug": slug, "description": description})


def load(apps, schema_editor):
    load_iso_categories(apps)
    load_vocabulary(apps, "Need", NEEDS)
    load_vocabulary(apps, "Condition", CONDITIONS)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
