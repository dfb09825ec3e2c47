namespace Strata.Modules.Catalog.Seed;

/// <summary>
/// The words the demo catalog is made of: real model lines of the reference manufacturers, a part category tree of
/// automotive systems, and the variants, features and tags parts are described with. Data only; what is picked from
/// it, and how often, is <see cref="CatalogDemoData"/>'s business.
/// </summary>
internal static class CatalogDemoVocabulary
{
    /// <summary>How a maker prints its part numbers (close to the real formats, see <see cref="CatalogDemoData"/>).</summary>
    public enum NumberStyle
    {
        Japanese, Vag, Bmw, Mercedes, Ford, Gm, Psa, Renault, Fiat, British, Volvo, Tesla,
    }

    /// <summary>Every reference manufacturer with its number style and model lines (name, usual body style).</summary>
    public static readonly (string Manufacturer, NumberStyle Style, (string Name, string BodyStyle)[] Models)[] Makers =
    [
        ("Honda", NumberStyle.Japanese, [("Civic", "Hatchback"), ("Accord", "Sedan"), ("CR-V", "SUV"), ("Jazz", "Hatchback"), ("HR-V", "SUV")]),
        ("Ford", NumberStyle.Ford, [("Focus", "Hatchback"), ("Fiesta", "Hatchback"), ("Mondeo", "Estate"), ("Kuga", "SUV"), ("F-150", "Pickup"), ("Transit", "Van")]),
        ("Chevrolet", NumberStyle.Gm, [("Malibu", "Sedan"), ("Silverado", "Pickup"), ("Equinox", "SUV"), ("Cruze", "Sedan")]),
        ("Toyota", NumberStyle.Japanese, [("Corolla", "Sedan"), ("Camry", "Sedan"), ("RAV4", "SUV"), ("Yaris", "Hatchback"), ("Hilux", "Pickup"), ("Prius", "Hatchback")]),
        ("Nissan", NumberStyle.Japanese, [("Qashqai", "SUV"), ("Micra", "Hatchback"), ("Leaf", "Hatchback"), ("X-Trail", "SUV"), ("Navara", "Pickup")]),
        ("Subaru", NumberStyle.Japanese, [("Impreza", "Sedan"), ("Forester", "SUV"), ("Outback", "Estate")]),
        ("Mazda", NumberStyle.Japanese, [("Mazda3", "Hatchback"), ("Mazda6", "Sedan"), ("CX-5", "SUV"), ("MX-5", "Convertible")]),
        ("Hyundai", NumberStyle.Japanese, [("i30", "Hatchback"), ("Tucson", "SUV"), ("Kona", "SUV"), ("Elantra", "Sedan")]),
        ("Kia", NumberStyle.Japanese, [("Ceed", "Hatchback"), ("Sportage", "SUV"), ("Picanto", "Hatchback"), ("Niro", "SUV")]),
        ("BMW", NumberStyle.Bmw, [("3 Series", "Sedan"), ("5 Series", "Sedan"), ("X3", "SUV"), ("X5", "SUV"), ("1 Series", "Hatchback")]),
        ("Mercedes-Benz", NumberStyle.Mercedes, [("C-Class", "Sedan"), ("E-Class", "Estate"), ("A-Class", "Hatchback"), ("GLC", "SUV"), ("Sprinter", "Van")]),
        ("Volkswagen", NumberStyle.Vag, [("Golf", "Hatchback"), ("Passat", "Estate"), ("Polo", "Hatchback"), ("Tiguan", "SUV"), ("Transporter", "Van"), ("Touran", "Minivan")]),
        ("Audi", NumberStyle.Vag, [("A3", "Hatchback"), ("A4", "Sedan"), ("A6", "Estate"), ("Q5", "SUV"), ("TT", "Coupe")]),
        ("Porsche", NumberStyle.Vag, [("911", "Coupe"), ("Cayenne", "SUV"), ("Macan", "SUV"), ("Boxster", "Convertible")]),
        ("Opel", NumberStyle.Gm, [("Astra", "Hatchback"), ("Corsa", "Hatchback"), ("Insignia", "Sedan"), ("Zafira", "Minivan")]),
        ("Renault", NumberStyle.Renault, [("Clio", "Hatchback"), ("Mégane", "Hatchback"), ("Captur", "SUV"), ("Kangoo", "Van"), ("Espace", "Minivan")]),
        ("Peugeot", NumberStyle.Psa, [("208", "Hatchback"), ("308", "Hatchback"), ("3008", "SUV"), ("Partner", "Van")]),
        ("Citroën", NumberStyle.Psa, [("C3", "Hatchback"), ("C4", "Hatchback"), ("Berlingo", "Van"), ("C5 Aircross", "SUV")]),
        ("Fiat", NumberStyle.Fiat, [("500", "Hatchback"), ("Panda", "Hatchback"), ("Tipo", "Sedan"), ("Ducato", "Van")]),
        ("Alfa Romeo", NumberStyle.Fiat, [("Giulia", "Sedan"), ("Stelvio", "SUV"), ("Giulietta", "Hatchback")]),
        ("Jaguar", NumberStyle.British, [("XE", "Sedan"), ("XF", "Sedan"), ("F-Pace", "SUV"), ("F-Type", "Coupe")]),
        ("Land Rover", NumberStyle.British, [("Defender", "SUV"), ("Discovery", "SUV"), ("Range Rover Evoque", "SUV")]),
        ("Lotus", NumberStyle.British, [("Elise", "Convertible"), ("Exige", "Coupe"), ("Evora", "Coupe")]),
        ("Škoda", NumberStyle.Vag, [("Octavia", "Estate"), ("Fabia", "Hatchback"), ("Superb", "Sedan"), ("Kodiaq", "SUV")]),
        ("SEAT", NumberStyle.Vag, [("Ibiza", "Hatchback"), ("Leon", "Hatchback"), ("Ateca", "SUV")]),
        ("Volvo", NumberStyle.Volvo, [("V60", "Estate"), ("XC60", "SUV"), ("XC90", "SUV"), ("S60", "Sedan")]),
        ("Tesla", NumberStyle.Tesla, [("Model 3", "Sedan"), ("Model S", "Sedan"), ("Model Y", "SUV"), ("Model X", "SUV")]),
    ];

    public static readonly string[] Trims = ["Base", "Comfort", "Sport", "Luxury", "Touring", "SE", "GT", "Business", "Style", "Active"];

    public static readonly string[] CombustionEngines =
        ["1.0 petrol", "1.2 petrol", "1.4 turbo petrol", "1.6 petrol", "2.0 turbo petrol", "3.0 V6 petrol", "1.5 diesel", "1.6 diesel", "2.0 diesel", "2.0 hybrid"];

    public static readonly string[] ElectricDrives = ["Electric, single motor", "Electric, dual motor", "Electric, long range"];

    /// <summary>Sets of fourth-level categories: where on the vehicle, or for which engines.</summary>
    private static readonly Dictionary<char, string[]> Positions = new()
    {
        ['a'] = ["Front axle", "Rear axle"],
        ['s'] = ["Left", "Right"],
        ['e'] = ["Petrol engines", "Diesel engines"],
        ['w'] = ["Windscreen", "Rear window"],
        ['p'] = ["Front", "Rear"],
        ['d'] = ["Front doors", "Rear doors"],
    };

    /// <summary>
    /// The category tree: systems, their groups, and components — a component written <c>Name|x</c> has the
    /// fourth-level children of position set <c>x</c>. Each system has the variants its parts come in.
    /// </summary>
    private static readonly (string System, string[] Variants, (string Group, string[] Components)[] Groups)[] Tree =
    [
        ("Brakes", ["ceramic", "semi-metallic", "low-dust", "coated", "vented", "slotted", "OE quality"],
        [
            ("Disc brakes", ["Brake pads|a", "Brake discs|a", "Brake calipers|a", "Brake pad wear sensors|a"]),
            ("Drum brakes", ["Brake shoes", "Brake drums", "Wheel brake cylinders"]),
            ("Brake hydraulics", ["Brake master cylinders", "Brake hoses|a", "Brake fluid"]),
            ("Parking brake", ["Parking brake cables|s", "Parking brake shoes", "Parking brake actuators"]),
        ]),
        ("Engine", ["reinforced", "OE quality", "with seals", "complete kit", "remanufactured"],
        [
            ("Timing", ["Timing belt kits|e", "Timing chain kits|e", "Belt tensioners", "Idler pulleys", "Auxiliary belts"]),
            ("Ignition", ["Spark plugs", "Ignition coils", "Glow plugs"]),
            ("Gaskets and seals", ["Cylinder head gaskets|e", "Valve cover gaskets", "Crankshaft seals", "Camshaft seals"]),
            ("Engine mounting", ["Engine mounts|s", "Gearbox mounts"]),
            ("Lubrication", ["Oil pumps", "Oil sumps", "Oil pressure switches", "Engine oil"]),
            ("Turbocharging", ["Turbochargers", "Boost pressure sensors"]),
        ]),
        ("Filters", ["paper element", "synthetic media", "cartridge", "spin-on", "OE quality"],
        [
            ("Engine filters", ["Oil filters|e", "Air filters|e", "Fuel filters|e"]),
            ("Cabin air", ["Pollen filters", "Activated carbon filters"]),
            ("Transmission filters", ["Automatic transmission filters"]),
        ]),
        ("Suspension", ["gas-pressure", "twin-tube", "heavy duty", "sport", "comfort", "lowered"],
        [
            ("Shock absorbers", ["Shock absorbers|a", "Strut mounts|a", "Bump stops|a"]),
            ("Springs", ["Coil springs|a", "Leaf springs", "Air springs|a"]),
            ("Arms and joints", ["Control arms|a", "Suspension bushes|a", "Ball joints|a"]),
            ("Stabilisers", ["Anti-roll bar links|a"]),
        ]),
        ("Steering", ["remanufactured", "new", "OE quality", "with boot"],
        [
            ("Steering gear", ["Steering racks", "Power steering pumps", "Steering rack boots", "Power steering hoses"]),
            ("Steering linkage", ["Tie rod ends|s"]),
            ("Steering column", ["Steering column switches", "Steering angle sensors"]),
        ]),
        ("Cooling", ["aluminium", "copper-brass", "with seal", "high-flow", "OE quality"],
        [
            ("Radiators", ["Engine radiators", "Radiator caps", "Radiator fans"]),
            ("Coolant circuit", ["Water pumps|e", "Thermostats|e", "Coolant hoses", "Coolant temperature sensors"]),
            ("Charge air cooling", ["Intercoolers", "Intercooler hoses"]),
        ]),
        ("Exhaust", ["stainless steel", "aluminised", "Euro 6", "Euro 5", "with fitting kit"],
        [
            ("Exhaust pipes", ["Front pipes", "Centre silencers", "Rear silencers"]),
            ("Emission control", ["Catalytic converters|e", "Diesel particulate filters", "Lambda sensors", "EGR valves|e"]),
            ("Exhaust fittings", ["Exhaust gaskets", "Exhaust mounting rubbers", "Exhaust clamps"]),
        ]),
        ("Fuel system", ["remanufactured", "new", "OE quality", "with seal kit"],
        [
            ("Fuel supply", ["Fuel pumps|e", "Fuel tank caps", "Fuel lines"]),
            ("Injection", ["Fuel injectors|e", "High-pressure pumps", "Fuel pressure regulators"]),
            ("Air intake", ["Throttle bodies", "Mass air flow sensors", "Intake manifold gaskets"]),
        ]),
        ("Transmission", ["reinforced", "complete kit", "with bearing", "OE quality", "remanufactured"],
        [
            ("Clutch", ["Clutch kits|e", "Clutch master cylinders", "Clutch slave cylinders", "Dual-mass flywheels"]),
            ("Driveshafts", ["Driveshafts|s", "CV joint boots|s", "Propeller shafts"]),
            ("Gearbox", ["Gearbox oil", "Gear lever bushes", "Gearbox seals"]),
            ("Wheel bearings", ["Wheel bearing kits|a", "Wheel hubs|a"]),
        ]),
        ("Electrical", ["12 V", "new", "remanufactured", "OE quality", "high output"],
        [
            ("Charging", ["Alternators|e", "Alternator regulators", "Starter batteries"]),
            ("Starting", ["Starter motors|e", "Starter solenoids"]),
            ("Sensors", ["ABS sensors|a", "Crankshaft sensors", "Camshaft sensors", "Parking sensors|p"]),
            ("Switches and relays", ["Window switches|s", "Fuses", "Relays", "Brake light switches"]),
        ]),
        ("Lighting", ["LED", "halogen", "xenon", "smoked", "clear lens"],
        [
            ("Headlights", ["Headlight units|s", "Headlight bulbs", "Xenon bulbs"]),
            ("Rear lights", ["Tail light units|s", "Brake light bulbs", "Third brake lights", "Reversing lights"]),
            ("Indicators", ["Front indicators|s", "Indicator bulbs"]),
            ("Interior and plate lights", ["Interior lamps", "Number plate lights"]),
        ]),
        ("Body", ["primed", "painted", "heated", "electric", "manual", "chrome"],
        [
            ("Mirrors", ["Door mirrors|s", "Mirror glasses|s"]),
            ("Wipers and washers", ["Wiper blades|w", "Wiper motors", "Washer pumps"]),
            ("Panels", ["Bonnets", "Wings|s", "Bumpers|p", "Radiator grilles"]),
            ("Doors", ["Door handles|d", "Door locks|d", "Window regulators|d"]),
            ("Gas springs", ["Tailgate gas springs", "Bonnet gas springs"]),
        ]),
        ("Climate control", ["R1234yf", "R134a", "with clutch", "brushless", "OE quality"],
        [
            ("Air conditioning", ["AC compressors", "AC condensers", "Expansion valves", "AC dryers"]),
            ("Heating and ventilation", ["Heater cores", "Blower motors", "Blower resistors"]),
        ]),
        ("Wheels and tyres", ["16 inch", "17 inch", "18 inch", "19 inch", "run-flat", "reinforced"],
        [
            ("Tyres", ["Summer tyres", "Winter tyres", "All-season tyres"]),
            ("Wheels", ["Alloy wheels", "Steel wheels", "Wheel bolts", "Wheel nuts"]),
            ("Tyre pressure", ["TPMS sensors", "Valve stems"]),
        ]),
    ];

    /// <summary>What a seller says about a part; one or two per description.</summary>
    public static readonly string[] Features =
    [
        "Made to original-equipment specification.",
        "Supplied with all fitting hardware.",
        "Tested for fit and function before packing.",
        "Corrosion-protected finish for a long service life.",
        "Direct replacement: no modification needed.",
        "Check the vehicle identification number before ordering.",
        "Replace in pairs on the same axle for even performance.",
        "Fitting by a qualified mechanic is recommended.",
        "Quiet in operation and free of vibration.",
        "Meets ECE R90 where type approval applies.",
        "Packed with installation instructions in English, German and French.",
        "Pre-assembled to shorten fitting time.",
    ];

    public static readonly string[] FitmentNotes =
        ["Left-hand drive", "Right-hand drive", "With sport suspension", "Without air conditioning", "From chassis number", "Towbar models", "Not for four-wheel drive"];

    public static readonly string[] Tags =
    [
        "Winter", "Summer", "Performance", "Eco", "Heavy duty", "OE", "Aftermarket", "Bestseller", "New arrival", "Clearance",
        "Remanufactured", "Low noise", "Long life", "Track day", "Towing", "Off-road", "Hybrid", "Electric", "Classic", "Fleet",
    ];

    /// <summary>A category of the tree: its path of names, root first, and for leaves what parts in it are.</summary>
    /// <param name="Path">Names from the root down.</param>
    /// <param name="Leaf">Whether parts are placed in it.</param>
    /// <param name="Component">For a leaf: the component, singular (<c>Brake pad</c>).</param>
    /// <param name="Position">For a fourth-level leaf: its position (<c>Front axle</c>), else null.</param>
    /// <param name="Variants">For a leaf: the variants of its system.</param>
    public sealed record Category(IReadOnlyList<string> Path, bool Leaf, string? Component, string? Position, IReadOnlyList<string> Variants);

    /// <summary>Every category, parents before children, in a fixed order.</summary>
    public static IReadOnlyList<Category> Categories { get; } = Flatten();

    private static List<Category> Flatten()
    {
        var all = new List<Category>();
        foreach (var (system, variants, groups) in Tree)
        {
            all.Add(new Category([system], false, null, null, variants));
            foreach (var (group, components) in groups)
            {
                all.Add(new Category([system, group], false, null, null, variants));
                foreach (var entry in components)
                {
                    var (name, set) = entry.Split('|') is [var n, var s] ? (n, Positions[s[0]]) : (entry, null);
                    all.Add(new Category([system, group, name], set is null, Singular(name), null, variants));
                    foreach (var position in set ?? [])
                    {
                        all.Add(new Category([system, group, name, position], true, Singular(name), position, variants));
                    }
                }
            }
        }

        return all;
    }

    /// <summary>The singular of a component's name: enough English for the words of <see cref="Tree"/>.</summary>
    internal static string Singular(string plural) => plural switch
    {
        _ when plural.EndsWith("sses", StringComparison.Ordinal) || plural.EndsWith("shes", StringComparison.Ordinal)
            || plural.EndsWith("ches", StringComparison.Ordinal) => plural[..^2],
        _ when plural.EndsWith("ss", StringComparison.Ordinal) || !plural.EndsWith('s') => plural,
        _ => plural[..^1],
    };
}
