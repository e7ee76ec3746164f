"""Original demo articles for load_demo, written in the shape every Magpost article takes."""

NETWORK_LINKS = [
    # (site_name, title, url)
    ("The Code Desk", "Why your shell loop forgets its variables", "https://code-desk.example/shell-loop-variables"),
    ("The Code Desk", "A gentle introduction to cron jobs", "https://code-desk.example/intro-to-cron"),
    ("Green Thumb Weekly", "A beginner’s guide to balcony wildflower pots", "https://green-thumb.example/balcony-wildflower-pots"),
    ("Rail & Ramble", "Packing light for a sleeper train journey", "https://rail-ramble.example/packing-for-sleeper-trains"),
    ("The Bench Journal", "Choosing your first set of watchmaker’s screwdrivers", "https://bench-journal.example/watchmaker-screwdrivers"),
    ("Grid Notes", "How home batteries decide when to charge", "https://grid-notes.example/home-battery-charging"),
    ("Crumb & Crust", "Reviving a neglected sourdough starter in three days", "https://crumb-crust.example/revive-sourdough-starter"),
    ("The Reading Room", "Ten ways to get more from your library card", "https://reading-room.example/library-card-tips"),
]

ARTICLES = [
    # ------------------------------------------------------------------
    {
        "slug": "rooftop-hives-city-flowers",
        "title": "What Rooftop Hives Teach Cities About Their Own Flowers",
        "meta_description": "Urban beekeepers are learning that parks, balconies and railway verges can feed a colony, if someone pays attention to what blooms and when.",
        "days_ago": 3,
        "tags": ["beekeeping", "cities", "nature"],
        "lead": [
            "On a flat roof above a print shop, three wooden hives hum through the warm part of the afternoon. Their keeper checks them once a week, lifting frames slowly and reading the comb like a calendar. Pale honey means the lime trees in the park nearby; darker stores hint at late ivy along the railway. Urban beekeeping began for many as a hobby with a jar of honey at the end, but it has turned into something more curious: a way of noticing what a city actually grows.",
            "This is a story about those keepers, the forage their bees find among the bricks, and the gentle but growing debate over how many hives a single neighbourhood can support before honeybees begin to crowd out the wild pollinators that were there first. It is also, in a small way, a story about learning to look more closely at the verges and window boxes most of us walk straight past.",
        ],
        "sections": [
            (2, "A Colony on the Roof", [
                "Most city hives live where people rarely go: on flat roofs, behind allotment sheds, in the quiet corners of community gardens. Bees do not mind the height, provided they have shelter from strong wind and a reliable source of water nearby. What they need above all is a keeper willing to visit regularly, watch for signs of disease, and make space in the hive before the colony feels crowded enough to swarm. A swarm settling on a bus stop tends to make the local news for all the wrong reasons.",
            ]),
            (3, "Choosing a site that suits the bees", [
                "Experienced keepers look first at the flight path. Bees leave the hive and climb quickly, so a hedge or a trellis in front of the entrance sends them up and over the heads of passers-by. Morning sun helps a colony start foraging early, while afternoon shade keeps the boxes from overheating on exposed roofs. A shallow dish of water with floating corks, refilled through the summer, stops the bees from visiting a neighbour’s pond or dripping tap instead.",
            ]),
            (3, "Getting along with the neighbours", [
                "Good relations matter as much as good equipment. Many keepers knock on doors before the first colony arrives, explaining what to expect and offering a jar of honey at the end of the season. Choosing calm, gentle colonies makes a real difference, and so does inspecting hives on warm, still days when most foragers are out. A keeper who answers questions patiently usually finds that curiosity outlasts the early nervousness, and that children on the street soon learn to tell a bee from a wasp.",
            ]),
            (2, "Reading the City Through Its Honey", [
                "City honey is rarely a single flavour. Because urban plantings are so mixed, one jar can carry traces of street trees, window boxes, railway embankments and the shrubs around supermarket car parks. Keepers who harvest in small batches often notice the taste and colour shifting from one month to the next, and some begin keeping notes on what was flowering at the time. Over a few seasons, those notes become an informal map of the neighbourhood’s plants, drawn entirely by insects.",
            ]),
            (3, "Spring blossom and summer lime", [
                "The year usually begins with willow catkins and fruit blossom, which give colonies the pollen they need to raise young bees. By early summer, many cities are carried by their lime trees, planted generations ago along avenues and in squares. When the limes flower, foragers can bring in nectar at a remarkable pace, and the honey from those weeks is often light, fragrant and faintly minty. Keepers learn to add space to the hive just before the trees open.",
            ]),
            (3, "The late-season gap", [
                "After the summer rush, many cities go surprisingly quiet for bees. Lawns are mown, bedding plants fade, and the big flowering trees are finished for the year. This is when ivy, late-flowering shrubs and untidy patches of wildflowers become important, giving colonies a last chance to store food before winter. Keepers who know their area well leave the autumn honey in the hive rather than taking it, treating it as insurance against a long, cold spring.",
            ]),
            (2, "Room for Wild Pollinators", [
                "Honeybees are only one of many pollinators in a city. Solitary bees nest in bare soil, old walls and hollow stems; bumblebees raise small colonies under sheds and in compost heaps; hoverflies and moths do their share of the work largely unnoticed. When hive numbers rise faster than the flowers available, these wild species can end up competing for the same limited forage. That has led some urban beekeeping groups to rethink what it really means to help bees.",
            ]),
            (3, "Planting before adding hives", [
                "The most common advice from thoughtful keepers is now simple: plant first. A balcony of herbs, a strip of meadow at the edge of a school field or a few fruit trees in a courtyard can feed far more insects than a new hive ever could. Some community groups pair every hive they install with a planting project nearby, and others encourage newcomers to spend a season learning about wild bees before buying any equipment. The result is slower, but it tends to last.",
            ]),
            (2, "A Slower Kind of Harvest", [
                "For all the talk of honey, most urban keepers say the real reward is attention. Tending a hive means watching the weather, noticing which trees are in flower and remembering when the first ivy opened last year. It turns a familiar street into a seasonal landscape with its own rhythm. Whether or not the city needs more hives, it almost certainly benefits from more people who look at its verges and flower beds the way a bee might.",
            ]),
        ],
        "takeaways_header": ("Aspect", "Highlights"),
        "takeaways": [
            ("Siting", "Place hives where bees fly up and away from footpaths, with water close by."),
            ("Neighbours", "Talk to the people nearby before the first colony arrives, and keep gentle bees."),
            ("Forage", "City honey changes through the year as different trees and plants come into flower."),
            ("Wild bees", "Solitary bees and bumblebees need the same flowers, so hive numbers should follow forage."),
            ("First step", "Planting flowers is often more helpful than adding another hive."),
        ],
        "network": ["A beginner’s guide to balcony wildflower pots"],
        "comments": [
            ("Hannah Ruiz", "hannah.ruiz@example.com", "We planted a strip of wildflowers behind our block last spring and the difference in visitors was amazing. Lovely to see the wild bees get a mention.", "approved"),
            ("Tomas Berg", "tomas.berg@example.net", "Does anyone know whether ivy honey is fine to leave in the hive over winter? I’ve heard it sets very hard in the comb.", "approved"),
            ("Best Deals Bot", "promo@example.net", "Buy cheap beekeeping suits!!! 90% off today only, click https://example.com/cheap-bee-suits-deal now", "spam"),
            ("Priya N.", "priya.n@example.com", "Our neighbourhood association is talking about a rooftop hive scheme right now, so this was very timely.", "pending"),
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "night-trains-return-europe",
        "title": "The Quiet Comeback of the Night Train Across Europe",
        "meta_description": "Sleeper trains are rolling across Europe again. We look at why travellers are returning, what a night on board is like and what still needs fixing.",
        "days_ago": 8,
        "tags": ["travel", "trains", "europe"],
        "lead": [
            "There is a particular moment on a night train when the city lights thin out, the corridor goes quiet and the carriage settles into a steady rhythm. For a long time that moment seemed to belong to the past. Sleeper services were cut back across much of Europe as cheap flights and fast daytime trains took their passengers. Now, on a growing number of routes, the couchettes are being made up again, and travellers are rediscovering the pleasure of falling asleep in one country and waking in another.",
            "The revival is uneven, occasionally frustrating and very often charming. It depends on old carriages being refurbished and new ones being built, on railway companies cooperating across borders, and on passengers deciding that a slower journey is worth it. This article looks at what is driving the return, what a night on board is really like, and what still stands in the way of the sleeper becoming an everyday choice.",
        ],
        "sections": [
            (2, "Why the Sleeper Fell Out of Favour", [
                "For much of the twentieth century, night trains were an ordinary part of European travel. Business travellers, students and families used them to cross long distances without paying for a hotel. Towards the end of the century, though, the numbers began to slip. Operators found sleeper services expensive to run, with carriages that spent the whole day parked and staff needed through the night. One by one, famous routes were shortened, reduced to seasonal runs or quietly withdrawn from the timetable.",
            ]),
            (3, "The rise of cheap flights", [
                "Low-cost airlines changed the way many people thought about distance. A flight across the continent could cost less than a train ticket and take a fraction of the time, at least on paper. For a while the comparison seemed to settle the matter. The sleeper, with its narrow bunks and shared compartments, looked old-fashioned next to a short hop between airports, and many railways chose to invest in fast daytime lines rather than in overnight services.",
            ]),
            (3, "Ageing carriages and tangled borders", [
                "Night trains also suffered from problems that travellers rarely saw. Many of the carriages were decades old and costly to maintain. Running a train through several countries meant dealing with different electrical systems, safety rules and track access charges, and each railway had its own way of selling tickets. When a service lost money, no single company felt responsible for saving it, and it was often easier to let the route lapse than to untangle the arrangements behind it.",
            ]),
            (2, "What Brought Night Trains Back", [
                "The turnaround came from several directions at once. Some railways noticed that the sleeper routes they had kept were selling out, especially during holidays. Travellers began asking for alternatives to short flights, and a few operators decided to take a chance on reviving lines that had been dropped years earlier. Small private companies entered the market too, leasing older carriages and refurbishing them. None of this happened overnight, so to speak, but together it made the sleeper look like a growth business again.",
            ]),
            (3, "Travellers looking for a slower journey", [
                "Many passengers now treat the journey as part of the trip rather than a gap to be endured. A night train saves a hotel night and delivers travellers to the centre of a city rather than to an airport on its edge. Some people choose it because they prefer to travel with a lighter environmental footprint; others simply enjoy the ritual of the dining car, the rocking bunk and the view of an unfamiliar landscape at dawn.",
            ]),
            (3, "New carriages and old routes revived", [
                "Railways that committed to the revival have ordered new sleeper carriages with small private pods, wider beds and proper showers, while others have refurbished older stock to buy time. Routes that disappeared years ago have returned, sometimes running only a few nights a week at first. Each reopening is watched carefully, because a sleeper service needs enough passengers in both directions to pay its way. Where the balance works, frequencies tend to grow and timetables become easier to plan around.",
            ]),
            (2, "A Night on Board", [
                "For first-time passengers, the experience can be a pleasant surprise. Boarding in the evening feels relaxed compared with an airport, with no long security queues and luggage simply carried to the compartment. Staff check tickets, explain how to lock the door and take breakfast orders. After that the train becomes a small, moving neighbourhood, with people chatting in the corridor, reading in their bunks or watching the last towns go by before the blinds come down.",
            ]),
            (3, "Seats, couchettes and sleeper cabins", [
                "Most night trains offer several levels of comfort. The cheapest option is a reclining seat, which suits hardy travellers and short overnight hops. Couchettes provide simple bunks in a shared compartment, with bedding supplied and a door that locks. Sleeper cabins are private, with proper beds and sometimes a washbasin or a small bathroom. Choosing well depends on budget, company and how soundly you sleep, and many regular passengers say a couchette shared with friends is the best value.",
            ]),
            (3, "Breakfast at the border", [
                "Morning on a sleeper has its own character. The attendant knocks with coffee and a small breakfast, often bread, jam and something local to the train’s home country. Outside the window, the landscape has changed completely: mountains where there were fields, or a coastline where the evening showed only suburbs. Arriving in a city centre just as it wakes up is one of the quiet luxuries of rail travel, and it tends to turn first-time passengers into regulars.",
            ]),
            (2, "The Road Ahead for Overnight Rail", [
                "The comeback is real, but fragile. Booking a journey across several countries can still mean comparing different websites, and delays on one network can ripple along the whole route. Carriages remain in short supply, and popular trains sell out weeks ahead. Yet the direction of travel seems clear. As long as passengers keep filling the bunks, railways have good reason to keep investing, and the sound of a train pulling out into the dark may become ordinary again.",
            ]),
        ],
        "takeaways_header": ("Topic", "What to remember"),
        "takeaways": [
            ("Decline", "Sleepers faded as cheap flights grew and old carriages became costly to run."),
            ("Revival", "Traveller demand and new operators have brought many routes back."),
            ("Comfort", "Seats, couchettes and private cabins suit different budgets and sleepers."),
            ("Booking", "Cross-border tickets can still be fiddly, so book popular routes early."),
            ("Outlook", "Growth depends on more carriages and smoother cooperation between railways."),
        ],
        "network": ["Packing light for a sleeper train journey"],
        "comments": [
            ("Marta Lindqvist", "marta.l@example.com", "Took my first couchette last autumn and woke up to snow on the mountains. I’m not going back to early-morning flights.", "approved"),
            ("Oliver Grant", "o.grant@example.net", "Good overview, though the booking side is even messier than you suggest. I needed three different sites for one journey.", "approved"),
            ("Travel Rewards Team", "winner@example.net", "CONGRATULATIONS you have WON a FREE rail pass!!! Claim it at https://example.net/claim-free-pass before midnight", "spam"),
            ("Jules", "jules@example.com", "Night trains are a waste of money and anyone who takes one is a fool.", "removed"),
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "restoring-old-mechanical-watches",
        "title": "Bringing an Old Mechanical Watch Back to Life",
        "meta_description": "Restoring a vintage mechanical watch takes patience, the right tools and respect for the movement. Here is how a stopped watch is made to tick again.",
        "days_ago": 15,
        "tags": ["craft", "watches", "restoration"],
        "lead": [
            "Somewhere in most families there is a watch that no longer runs. It sits in a drawer with cufflinks and old keys, its hands stopped at a time nobody remembers. Mechanical watches were built to be serviced, though, and many of them can be brought back to life with patience and care. Amateur restorers have taken up the craft in growing numbers, learning to open cases, clean movements and persuade a silent balance wheel to start swinging again.",
        ],
        "sections": [
            (2, "Inside a Mechanical Movement", [
                "A mechanical watch is a small machine that stores energy and releases it in carefully measured portions. There is no battery and no circuit board, only springs, wheels, pivots and jewels working together. Understanding the basic layout makes restoration far less intimidating. Once you know what each part is for, the tangle of brass and steel under the case back begins to look less like a puzzle and more like a mechanism with a clear and rather elegant logic.",
            ]),
            (3, "The mainspring and the gear train", [
                "Power begins with the mainspring, a long coiled strip of metal wound tightly inside a drum called the barrel. As the spring slowly unwinds, it turns the barrel, which drives a series of gears known as the train. Each wheel in the train turns faster than the one before it, stepping the force down into smaller, quicker movements. Left to itself, the spring would unwind in seconds, so something has to hold it back and let it go in steady steps.",
            ]),
            (3, "The escapement and balance wheel", [
                "That job belongs to the escapement and the balance wheel. The balance swings back and forth on a fine hairspring, like a tiny pendulum, and with each swing the escapement releases the gear train by one small step. This is the source of the familiar ticking sound. Because the balance keeps a very regular rhythm, the hands advance at a steady pace. When a watch runs fast or slow, the cause usually lies somewhere in this delicate partnership.",
            ]),
            (2, "Setting Up a Bench at Home", [
                "Restoration does not require a workshop, but it does need a calm, well-lit space. Many hobbyists work at a kitchen or desk table covered with a pale, smooth mat, so that dropped parts are easy to see. Good light from a lamp that does not cast heavy shadows is essential. So is a habit of working slowly, with the door closed and pets elsewhere, because a single spring that flies off a tweezer tip can take an evening to find.",
            ]),
            (3, "Tools worth buying first", [
                "A basic kit begins with a set of quality screwdrivers, fine tweezers, a loupe for magnification and a dust blower. Hand levers for removing the hands, a case opener suited to the watch and a few covered parts trays complete the essentials. Cheap tools tend to slip and scratch, so many restorers suggest buying fewer items of better quality. Specialist equipment such as a cleaning machine or a timing device can come later, once the hobby has proved it is here to stay.",
            ]),
            (3, "Learning on practice movements", [
                "Nobody should learn on a treasured family watch. Beginners usually practise on inexpensive, sturdy movements bought specifically for the purpose, taking them apart and reassembling them several times until the sequence becomes familiar. Mistakes on a practice movement are lessons rather than losses. Many restorers keep a notebook of each attempt, recording what went well and what did not, and only move on to a valued watch when they can service a practice piece confidently from start to finish.",
            ]),
            (2, "The Restoration, Step by Step", [
                "Every watch is a little different, but a full service follows a broadly similar path. The movement is removed from its case, taken apart completely, cleaned, inspected for wear, reassembled with fresh lubrication and then adjusted until it keeps good time. The order matters. Rushing one stage usually creates problems in the next, and experienced restorers build in pauses to check their work before moving on, especially when handling the most delicate parts of the movement.",
            ]),
            (3, "Taking it apart and keeping track", [
                "Disassembly begins by letting down the power in the mainspring, which matters both for safety and for the health of the parts. Screws are removed one component at a time and placed in labelled compartments, because screws that look identical often differ slightly in length. Photographs taken at each step are invaluable later. Many restorers also sketch the layout of the wheels, since reassembly can be confusing when dozens of small parts are laid out on the mat together.",
            ]),
            (3, "Cleaning, oiling and reassembly", [
                "Old oil thickens over the years into a sticky varnish that slows the watch and wears its pivots. Parts are cleaned in dedicated watch-cleaning solutions, rinsed, dried and inspected under magnification for cracks, bent teeth or worn bearings. Anything damaged is set aside for replacement. Only once every component is spotless does reassembly begin, with the wheels carefully positioned so that each pivot sits in its jewel before the bridges are screwed back into place.",
                "Lubrication is where restorers learn humility. Different points in a movement need different oils and greases, applied in tiny quantities with a fine oiler. Too little and the parts wear; too much and the oil spreads where it should not, attracting dust. Following a service guide for the specific movement helps enormously. Many hobbyists say the moment the balance wheel first swings freely after reassembly is the most satisfying part of the whole process.",
            ]),
            (3, "Regulating the finished watch", [
                "A watch that runs is not yet a watch that keeps good time. Regulation involves adjusting the effective length of the hairspring so that the balance swings at the right rate. Small changes make a noticeable difference, so adjustments are made gently and the watch is checked over several days in different positions: face up, face down and on its side. Patience here is rewarded with a timepiece that can run reliably for years before it needs attention again.",
            ]),
            (2, "Knowing When to Call a Professional", [
                "Some jobs are best left to an experienced watchmaker. Broken balance staffs, damaged hairsprings, water-damaged movements and complicated mechanisms such as chronographs can overwhelm even a careful amateur. Valuable or sentimental watches also deserve professional hands if there is any doubt. Good restorers recognise their limits, and many build friendly relationships with local watchmakers who are happy to advise or take on the trickiest repairs. Knowing when to stop is part of the craft, not a failure of it.",
            ]),
            (2, "Why the Ticking Still Matters", [
                "In a world of devices that are replaced rather than repaired, a mechanical watch is a reminder that things can be made to last. Restoring one connects the owner to the people who designed, built and wore it before them. It is slow, exacting work, and nobody needs a wind-up watch to tell the time. Yet hearing a long-silent movement tick again, and seeing the second hand sweep around the dial, is a quiet pleasure that few other hobbies can match.",
            ]),
        ],
        "takeaways_header": ("Step", "Key point"),
        "takeaways": [
            ("Understand", "Learn how the mainspring, gear train, escapement and balance work together."),
            ("Equip", "Buy a few good tools and set up a clean, well-lit workspace before anything else."),
            ("Practise", "Build confidence on inexpensive movements before touching a family heirloom."),
            ("Document", "Photograph each step and keep screws and parts in labelled trays."),
            ("Limits", "Leave broken balance staffs, water damage and complications to a professional."),
        ],
        "network": ["Choosing your first set of watchmaker’s screwdrivers"],
        "comments": [
            ("Daniel Okafor", "d.okafor@example.com", "The tip about photographing every step saved me last winter. I would never have remembered where the click spring went.", "approved"),
            ("Ingrid Solberg", "ingrid.s@example.net", "Which oils would you recommend for a beginner? There seem to be dozens and they all cost a fortune.", "pending"),
            ("Luxury Replica Store", "sales@example.com", "Best replica watches cheapest price!!! Free shipping worldwide, visit https://example.com/replica-watches-sale today", "spam"),
            ("Sam Whitfield", "sam.w@example.com", "Restored my grandfather’s watch using a guide much like this one. It runs a little fast, but it runs.", "approved"),
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "small-island-renewable-grid",
        "title": "How a Small Island Learned to Run on Wind, Sun and Patience",
        "meta_description": "For small islands, renewable power is a practical answer to costly imported fuel. How wind, solar, batteries and careful habits keep the lights on.",
        "days_ago": 22,
        "tags": ["energy", "islands", "science", "community"],
        "lead": [
            "For a small island far from the mainland grid, electricity has always come at a price. Diesel arrives by boat, is burned in a noisy power station at the edge of the harbour, and is paid for at rates that would startle most city dwellers. When the weather turns and the ferry cannot sail, fuel stocks are watched anxiously. It is little wonder that island communities have been among the most enthusiastic adopters of wind turbines, solar panels and batteries.",
            "This article follows the typical path such a community takes, drawing on the experience of many small islands rather than any single one. The details vary from place to place, but the lessons are remarkably similar: start small, involve everyone from the beginning, and expect the new grid to teach you a great deal about the weather, the seasons and your neighbours’ habits.",
        ],
        "sections": [
            (2, "Why Islands Go First", [
                "Islands make unusually good testing grounds for new energy systems. Their grids are small and self-contained, so a change to one part is felt everywhere. Their costs are high, which makes savings easy to see. And their communities are often close-knit, used to solving problems together because help from elsewhere can take days to arrive. Those conditions turn what might be an abstract debate on the mainland into a practical question about bills, reliability and the ferry timetable.",
            ]),
            (3, "The cost of shipping fuel", [
                "Every litre of diesel burned on a remote island has travelled a long way. It is refined elsewhere, shipped to a port, loaded onto a smaller vessel and stored in tanks that need regular inspection. Each step adds cost and risk, and spills in sensitive coastal waters are a constant worry. When fuel prices rise, island households feel it quickly. Local wind and sunshine, by contrast, arrive without a delivery charge, which makes even expensive equipment look attractive over its lifetime.",
            ]),
            (3, "A community that can decide together", [
                "Many island energy projects begin at a public meeting in the village hall. Residents talk through where turbines might stand, how the views will change and who will own the equipment. Some islands set up community companies so that income from selling power stays local and pays for shared projects. The process can be slow, and disagreements are common, but projects that win broad support early tend to run far more smoothly once construction and maintenance begin.",
            ]),
            (2, "Building a Grid That Bends With the Weather", [
                "A renewable island grid is less a single power station than a collection of sources that take turns. Wind might supply most of the energy on a stormy winter night, solar panels on a calm summer afternoon, and batteries in the gaps between. The challenge is keeping supply and demand in balance from second to second. That requires control systems that can respond quickly, and engineers who understand how the island’s weather behaves across a whole year.",
            ]),
            (3, "Wind turbines on the headland", [
                "On exposed islands, wind is usually the workhorse. A handful of medium-sized turbines on a windy headland can generate a large share of the island’s electricity, especially in winter when demand is highest. Choosing the site involves studying wind patterns, bird flight paths and the views from homes and footpaths. Salt air and storms are tough on machinery, so maintenance plans matter as much as the turbines themselves, along with spare parts kept on the island rather than across the water.",
            ]),
            (3, "Solar on roofs and sheds", [
                "Solar panels complement the wind nicely, producing the most power on long summer days when the breeze often drops. Islands tend to spread panels across many roofs, barns and boat sheds rather than building one large field, which keeps scarce farmland free. Household systems give residents a direct stake in the project and can lower their own bills. The panels are quiet and simple to maintain, though salt spray means they need cleaning more often than on the mainland.",
            ]),
            (3, "Batteries as the island’s buffer", [
                "Batteries are what turn a collection of generators into a dependable grid. They soak up surplus power when the wind is strong and release it when demand rises or the weather calms. Just as importantly, they respond in fractions of a second, smoothing the small fluctuations that would otherwise make lights flicker. A well-sized battery bank lets the diesel generators stay switched off for long stretches, sometimes for days or even weeks at a time in favourable seasons.",
            ]),
            (2, "Living With a Renewable Grid", [
                "Once the new system is running, daily life changes in small but noticeable ways. Residents begin to follow the weather forecast not just for fishing or farming, but for power. Some install displays in their kitchens showing how much renewable electricity is available at that moment. Over time, people learn the island’s energy rhythms as naturally as the tides, and the grid becomes a shared project rather than something that simply arrives through a cable.",
            ]),
            (3, "Using power when it is plentiful", [
                "One of the simplest ways to make a renewable grid work better is to shift demand. Hot water tanks, electric heaters and even washing machines can be set to run when wind or sun is abundant. On some islands, smart controls do this automatically, storing surplus energy as heat in homes and community buildings. The result is less waste and less reliance on batteries or backup generators, without asking anyone to go without the comforts they rely on.",
            ]),
            (3, "Keeping a backup in reserve", [
                "Few island grids abandon their diesel generators entirely. Long spells of calm, cloudy weather do happen, and equipment occasionally fails. Keeping backup generators maintained and ready provides peace of mind, even if they run only occasionally. The goal is not perfection but a steady reduction in fuel use. Islands that have made the transition often describe the old power station as a kind of lifeboat: rarely called on, but not something anyone would want to be without.",
            ]),
            (2, "Lessons That Travel to the Mainland", [
                "What works on a small island does not translate directly to a large country, but some lessons scale surprisingly well. Involving residents early builds trust. Combining several sources of power makes a grid more resilient. Storage and flexible demand matter as much as generation. Above all, islands show that a renewable system is not just a technical project but a social one, shaped by the people who live with it every day and who learn, over time, to read its moods.",
            ]),
        ],
        "takeaways_header": ("Aspect", "Highlights"),
        "takeaways": [
            ("Motivation", "Imported fuel is costly and vulnerable, so local energy pays off quickly."),
            ("Mix", "Wind, solar and batteries cover for one another through the seasons."),
            ("Storage", "Batteries smooth rapid changes and let backup generators stay off for longer."),
            ("Demand", "Running heaters and hot water when power is plentiful cuts waste."),
            ("People", "Early community involvement makes projects smoother and more durable."),
            ("Backup", "A well-maintained generator remains a sensible safety net for long calm spells."),
        ],
        "network": [],
        "comments": [
            ("Fiona MacLeod", "fiona.m@example.com", "Living on an island myself, the bit about the ferry and the fuel tanks rang very true. Our hall meetings about the turbines were lively, to say the least.", "approved"),
            ("Ravi Menon", "ravi.menon@example.net", "Would love a follow-up on how the batteries cope during long winter storms.", "pending"),
            ("Energy Profit Pro", "invest@example.com", "Make $5000 a week from home with our solar crypto system!!! Sign up now at https://example.com/solar-profit-now", "spam"),
            ("Pete Dunmore", "pete.d@example.net", "Off topic, but does anyone here want to buy my old outboard motor? Message me privately for a price.", "removed"),
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "science-of-sourdough",
        "title": "The Living Science Behind a Good Loaf of Sourdough Bread",
        "meta_description": "Sourdough is a partnership between wild yeasts, bacteria and a patient baker. How a starter works, and why time matters more than any secret recipe.",
        "days_ago": 34,
        "tags": ["food", "science", "craft"],
        "lead": [
            "A jar of sourdough starter looks unremarkable: a pale, bubbly paste of flour and water with a faintly sour smell. Yet inside it lives a thriving community of wild yeasts and bacteria, fed daily by bakers who sometimes keep the same culture going for years. Sourdough is among the oldest ways of raising bread, and its revival in home kitchens has brought a new curiosity about what is actually happening in that jar, and why the results can vary so much from one loaf to the next.",
        ],
        "sections": [
            (2, "What Lives in a Starter", [
                "A sourdough starter begins with nothing more than flour and water left to sit at room temperature. Microbes already present on the grain and in the kitchen begin to feed on the starches and sugars, and over several days of regular feeding a stable community emerges. Each starter is slightly different, shaped by the flour used, the temperature of the room and the rhythm of feeding. What they share is a balance between two main groups of organisms.",
            ]),
            (3, "Wild yeasts and the rise", [
                "The first group is yeast. Wild yeasts break down sugars in the dough and release carbon dioxide, which becomes trapped in the stretchy network of gluten and makes the bread rise. They usually work more slowly than the commercial yeast sold in packets, which is one reason sourdough takes longer to prove. That slower pace is not a drawback, though. It gives the dough time to develop structure and flavour that a quick rise cannot easily match.",
            ]),
            (3, "Lactic acid bacteria and the tang", [
                "The second group, lactic acid bacteria, usually outnumbers the yeasts. These bacteria produce acids that give sourdough its characteristic tang and help the bread keep well. Some of these acids taste mild and creamy, others sharper and more vinegary, and the balance between them depends on how the starter and dough are managed. The acidity also makes life difficult for unwanted microbes, which is part of why a healthy, well-fed starter is so robust.",
            ]),
            (2, "Time Is the Secret Ingredient", [
                "Bakers often say that sourdough cannot be rushed, and the science agrees. Many of the qualities people love in a good loaf, from its open crumb to its complex flavour and long keeping, develop gradually as the dough ferments. A recipe is really a plan for managing time: how long to let the starter ripen, how long the dough should rest after mixing, and how long the shaped loaf should prove before it goes into the oven.",
            ]),
            (3, "Fermentation and flavour", [
                "During a long fermentation, enzymes in the flour break starches into sugars and proteins into smaller building blocks. Yeasts and bacteria feed on these, producing gases, acids and a host of aromatic compounds. The longer and cooler the fermentation, the more these compounds accumulate, which is why dough left in the fridge overnight often yields a deeper, more rounded flavour. Whole-grain flours add their own character, feeding the microbes generously and contributing nutty, earthy notes.",
            ]),
            (3, "Temperature and the baker’s schedule", [
                "Temperature is the baker’s main control. Warmth speeds fermentation and tends to favour milder flavours, while cooler conditions slow things down and encourage more acidity. Home bakers learn to adjust: using warmer water in winter, finding a cosy spot near the oven, or slowing the dough in the fridge to fit around work and sleep. Watching the dough rather than the clock is the most common advice, because the same recipe behaves differently in a chilly kitchen and a warm one.",
            ]),
            (2, "From Dough to Crust", [
                "After fermentation comes the part most people picture when they think of baking: shaping the dough and turning it into bread. This stage is as much about physics as biology. The baker builds tension on the surface of the loaf so that it holds its shape, then bakes it hot enough to expand rapidly before the crust sets. Small details, such as how the loaf is scored or whether the oven holds steam, make a visible difference.",
            ]),
            (3, "Shaping and the final proof", [
                "Shaping gathers the fermented dough into a tight ball or oval, stretching the outer skin so that gas is held inside. The loaf then rests in a floured basket for its final proof. Judging when it is ready is a learned skill. A gentle press with a fingertip should leave a dent that springs back slowly. Under-proved dough bakes dense and tight, while over-proved dough spreads and loses its lift, so most bakers learn from a few flat loaves.",
            ]),
            (3, "What happens in the oven", [
                "In a hot oven, the trapped gases expand and the remaining yeast has one final burst of activity, pushing the loaf upward in what bakers call oven spring. Steam keeps the surface soft long enough for this expansion to happen, which is why many home bakers use a covered pot. As the crust dries, sugars and proteins react and brown, creating the deep colour and roasted aroma of a well-baked loaf. The crackling sound as it cools is the crust contracting.",
            ]),
            (2, "A Culture Worth Keeping", [
                "Part of sourdough’s appeal is that it connects the baker to a long tradition and to a living thing that needs care. Starters are shared between friends, carried on holiday and revived after weeks of neglect at the back of the fridge. Understanding the science does not remove the mystery so much as deepen the respect for it. Each loaf is the product of invisible organisms, patient hands and, above all, time well spent.",
            ]),
        ],
        "takeaways_header": ("Ingredient", "Why it matters"),
        "takeaways": [
            ("Starter", "A stable community of wild yeasts and bacteria raises and flavours the bread."),
            ("Yeast", "Produces the gas that lifts the dough, more slowly than packet yeast."),
            ("Bacteria", "Create the acids behind sourdough’s tang and its good keeping."),
            ("Time", "Long, cool fermentation builds deeper flavour and better structure."),
            ("Heat", "A hot oven and plenty of steam give a strong rise and a well-browned crust."),
        ],
        "network": ["Reviving a neglected sourdough starter in three days"],
        "comments": [
            ("Clara Jensen", "clara.j@example.com", "I’ve kept the same starter for three years and never knew why the loaves proved overnight in the fridge tasted better. Thank you!", "approved"),
            ("Ben Hartley", "ben.h@example.net", "My loaves keep spreading flat. Sounds like over-proving, so I’m going to try the fingertip test tonight.", "approved"),
            ("SEO Expert", "seo@example.net", "Great post!!! I can get your site to number one on every search engine, guaranteed. Cheap packages at https://example.net/seo-packages", "spam"),
            ("Grace Tan", "grace.t@example.com", "Any advice for gluten-free sourdough? I would love a whole article on that.", "pending"),
            ("Mike", "mike@example.com", "Real bakers don’t need science. This is pretentious nonsense, and so is everyone who reads it.", "removed"),
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "public-libraries-town-living-room",
        "title": "Public Libraries Are Becoming Every Town’s Living Room",
        "meta_description": "Public libraries still lend books, but they also lend tools, host repair cafés and offer warm, free space. A look at how the library is changing.",
        "days_ago": 47,
        "tags": ["libraries", "community", "cities"],
        "lead": [
            "Walk into a public library on a weekday afternoon and the old image of hushed reading rooms quickly gives way. Children are building small robots in one corner, a group of older residents is learning to video-call their grandchildren, and someone at a table by the window is writing a job application on a borrowed laptop. The books are still there, shelved and well used, but they now share the space with a surprising range of activities, services and people.",
            "Libraries have always adapted to the needs of their communities. What is striking today is how broad those needs have become, and how many libraries have responded by treating their buildings less as storehouses and more as shared public rooms, open and welcoming places where anyone can spend an hour or an afternoon without needing to buy anything or explain why they are there.",
        ],
        "sections": [
            (2, "More Than a Place for Books", [
                "Books remain at the heart of the library, and reading for pleasure is still one of its most popular uses, especially among children. But libraries have long lent more than print. Music, films and newspapers joined the shelves decades ago. More recently, the idea of the library as a lending service has been stretched in imaginative directions, driven by a simple principle: some things are used only occasionally and are better shared than bought by every household.",
            ]),
            (3, "Lending tools, seeds and instruments", [
                "In some towns, borrowers can now take home a drill, a sewing machine or a telescope as easily as a novel. Seed libraries let gardeners borrow seeds in spring and return some from their harvest in autumn. Musical instrument collections allow children to try a violin or a ukulele before families commit to buying one. These collections tend to be popular, modest in cost and good at drawing in people who might not otherwise think of the library as a place for them.",
            ]),
            (3, "Digital help at the front desk", [
                "As more everyday tasks have moved online, libraries have become an important source of help with them. Staff and volunteers assist people in setting up email accounts, filling in online forms, printing documents and spotting suspicious messages. Free computers and internet access remain essential for those without them at home. For many visitors, the most valuable resource is not the equipment itself but a patient person willing to sit beside them and explain what to do next.",
            ]),
            (2, "A Warm Room With No Entry Fee", [
                "There are few places left in most towns where anyone can sit indoors for hours without spending money. The library is one of them. It is warm in winter, cool in summer, has seats and toilets and does not ask visitors to justify their presence. That simple openness makes it valuable to students, remote workers, parents with small children and people who are lonely or struggling, all of whom can share the same room on equal terms.",
            ]),
            (3, "Space for study and quiet work", [
                "Study spaces are often the first to fill each morning. Students preparing for exams, freelancers without an office and people working on personal projects all rely on the library’s tables, power sockets and calm atmosphere. Many libraries have reorganised their layouts to provide a mix of silent zones, small rooms that can be booked for group work, and livelier areas near the entrance. Balancing these needs in a single building is a constant, careful juggling act for staff.",
            ]),
            (3, "Events that bring neighbours together", [
                "Libraries have also become busy event venues. Weekly story times for toddlers, book groups, language conversation circles, local history talks and repair cafés fill the calendar in many branches. These events cost little or nothing to attend and bring together people who might never otherwise meet. A retired engineer mending a toaster at a repair café might end up chatting to a student about circuits, and such small encounters are part of what gives a community its texture.",
            ]),
            (2, "How Librarians Are Changing Too", [
                "All of this has transformed the work of librarians. Cataloguing and recommending books are still part of the job, but so are running coding clubs, helping someone find the right form for a housing application and organising a season of talks. The role has become broader and more social, demanding flexibility as well as knowledge. Many librarians describe their work as connecting people with what they need, whether that turns out to be a book, a skill, a service or simply a conversation.",
            ]),
            (3, "New skills behind the desk", [
                "Training has followed these changes. Library staff now learn about digital skills, accessibility, community outreach and how to support visitors in difficult circumstances. Partnerships with local organisations bring in specialist expertise, such as advice sessions or health information days. Volunteers play an important role in many branches too, though most libraries stress that they complement trained staff rather than replace them. The result, at its best, is a team able to respond to a remarkably wide range of questions.",
            ]),
            (2, "Why the Library Still Matters", [
                "The public library endures because it rests on an idea that remains unusual: that knowledge, space and help should be available to everyone, free at the point of use. The forms that idea takes will keep changing, from printed books to borrowed tools to whatever comes next. What seems likely to stay the same is the library’s role as a common room for the whole town, a place where people can learn, rest and meet one another on equal footing.",
            ]),
        ],
        "takeaways_header": ("Change", "What it means for visitors"),
        "takeaways": [
            ("Collections", "Libraries now lend tools, seeds and instruments alongside books."),
            ("Digital help", "Staff help with online forms, email and printing for anyone who needs it."),
            ("Open space", "Warm, free seating serves students, remote workers and families alike."),
            ("Events", "Story times, book groups and repair cafés bring neighbours together."),
            ("Staff", "Librarians’ roles have grown to include teaching, outreach and support."),
        ],
        "network": [
            "Ten ways to get more from your library card",
            "Why your shell loop forgets its variables",
            "A gentle introduction to cron jobs",
        ],
        "comments": [
            ("Eleanor Marsh", "eleanor.m@example.com", "Our branch started lending sewing machines last year and there is already a waiting list. Brilliant idea.", "approved"),
            ("Kwame Asante", "kwame.a@example.net", "I wrote half my dissertation in the local library. The silent zone saved me more than once.", "approved"),
            ("Free Gift Cards", "gifts@example.com", "Get FREE gift cards instantly, no survey needed!!! https://example.com/free-gift-cards-now", "spam"),
            ("Lucy Park", "lucy.park@example.com", "Does anyone know if tool libraries need a separate membership, or does the normal card work?", "pending"),
        ],
    },
]
