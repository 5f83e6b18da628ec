#!/bin/sh
# gen-lessons.sh: writes N made-up but valid lessons into a folder, for the
# catalogue benchmarks (bench/catalogue.sh). Each lesson is a folder of its
# own with a lesson.yaml in Dutch and English, 8 to 12 steps that mix explain
# and choice, texts of the lengths trainers write (well inside the limits of
# lessons/FORMAT.md), and about one in three has a picture beside it.
#
# The texts are drawn from pools of real-sounding sentences about digital
# skills, so a lesson reads as plausible but is not a coherent lesson: it is
# there to be parsed, laid out and counted, not learnt from. The same N and
# SEED always give the same files (one awk process writes them all, which
# keeps 1,000 lessons to well under a second).
#
# Lengths are checked in bytes (mawk counts bytes), which is never fewer than
# the characters `check` counts, so a text that fits here fits there.
#
# usage: bench/gen-lessons.sh N DIR [SEED]
#   N     number of lessons, 1 to 2000 (the kiosk reads at most 2000 files)
#   DIR   created if missing; must be empty if it exists
#   SEED  whole number for the pseudo-random choices (default 1)
set -eu

usage() {
	echo "usage: gen-lessons.sh N DIR [SEED]" >&2
	exit 2
}
if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
n=$1
dir=$2
seed=${3:-1}
case $n in '' | *[!0-9]*) usage ;; esac
case $seed in '' | *[!0-9]*) usage ;; esac
if [ "$n" -lt 1 ] || [ "$n" -gt 2000 ]; then
	echo "gen-lessons.sh: N must be 1 to 2000, not $n" >&2
	exit 2
fi
mkdir -p "$dir"
if [ -n "$(ls -A "$dir")" ]; then
	echo "gen-lessons.sh: $dir is not empty; give an empty or new folder" >&2
	exit 2
fi
cd "$dir"

# Folder names are plain ASCII without spaces, so xargs may split on blanks.
awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "lesson-%04d\n", i }' | xargs mkdir

awk -v n="$n" -v seed="$seed" '
function pick(k) { return int(rand() * k) + 1 }

# Appends "nl|en" pairs from the explain pool until the next would pass
# `max` bytes in either language; sets T_NL and T_EN.
function compose(max,    used, tries, j, a, b) {
	T_NL = ""; T_EN = ""
	split("", used)
	for (tries = 0; tries < 12; tries++) {
		j = pick(NEX)
		if (j in used)
			continue
		a = (T_NL == "" ? "" : T_NL " ") EX_NL[j]
		b = (T_EN == "" ? "" : T_EN " ") EX_EN[j]
		if (length(a) > max || length(b) > max) {
			if (T_NL != "")
				break
			continue
		}
		used[j] = 1
		T_NL = a; T_EN = b
	}
}

function texts(indent, nl, en) {
	if (length(nl) == 0 || length(en) == 0) {
		print "gen-lessons.sh: internal error: empty text" > "/dev/stderr"
		exit 1
	}
	printf "%snl: \"%s\"\n%sen: \"%s\"\n", indent, nl, indent, en > F
}

function explain_step(pic) {
	compose(150 + pick(140))
	printf "\n  - type: explain\n    text:\n" > F
	texts("      ", T_NL, T_EN)
	if (pic)
		printf "    picture: picture.svg\n" > F
}

function choice_step(    q, na, multi, nright, i, j, used, right, r, w) {
	q = pick(NQ)
	multi = (rand() < 0.2)
	na = multi ? 4 + pick(2) : (rand() < 0.15 ? 2 : 2 + pick(2))
	printf "\n  - type: choice\n    question:\n" > F
	texts("      ", Q_NL[q], Q_EN[q])
	if (multi)
		printf "    multiple: true\n" > F
	printf "    answers:\n" > F
	split("", used); split("", right)
	if (multi) {
		nright = 1 + pick(na - 2)
		for (i = 1; i <= nright; i++)
			right[pick(na)] = 1
	} else {
		right[pick(na)] = 1
	}
	for (i = 1; i <= na; i++) {
		do { j = pick(NA) } while (j in used)
		used[j] = 1
		printf "      - text: { nl: \"%s\", en: \"%s\" }\n", A_NL[j], A_EN[j] > F
		if (i in right)
			printf "        correct: true\n" > F
	}
	r = pick(NR); w = pick(NW)
	printf "    feedback:\n      right:\n" > F
	texts("        ", R_NL[r], R_EN[r])
	printf "      wrong:\n" > F
	texts("        ", W_NL[w], W_EN[w])
}

function svg(file, i) {
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\" viewBox=\"0 0 400 300\">\n" > file
	printf "  <rect x=\"0\" y=\"0\" width=\"400\" height=\"300\" fill=\"#E8F1F2\"/>\n" > file
	printf "  <circle cx=\"200\" cy=\"150\" r=\"%d\" fill=\"#F3E9DC\"/>\n", 80 + i % 40 > file
	printf "  <rect x=\"128\" y=\"26\" width=\"144\" height=\"250\" rx=\"20\" fill=\"#3D405B\"/>\n" > file
	printf "  <rect x=\"138\" y=\"44\" width=\"124\" height=\"212\" rx=\"8\" fill=\"#FFFFFF\"/>\n" > file
	printf "  <rect x=\"150\" y=\"%d\" width=\"100\" height=\"28\" rx=\"7\" fill=\"#F2CC8F\"/>\n", 60 + i % 150 > file
	printf "</svg>\n" > file
	close(file)
}

function pool(arr_nl, arr_en, s,    parts) {
	split(s, parts, "|")
	NPOOL++
	arr_nl[NPOOL] = parts[1]
	arr_en[NPOOL] = parts[2]
}

BEGIN {
	srand(seed)

	# Topics: "title nl|title en|summary nl|summary en"
	NT = 0
	TOPIC[++NT] = "Veilig online bankieren|Safe online banking|Leer hoe je veilig geld overmaakt met de app van je bank.|Learn how to transfer money safely with your bank app."
	TOPIC[++NT] = "Een sterk wachtwoord|A strong password|Leer hoe je een sterk wachtwoord maakt en veilig bewaart.|Learn how to make a strong password and keep it safe."
	TOPIC[++NT] = "Nepberichten herkennen|Spotting fake messages|Herken een valse mail of sms voordat je ergens op klikt.|Spot a fake mail or text message before you click on anything."
	TOPIC[++NT] = "Je rooster in de app|Your roster in the app|Bekijk je werktijden en ruil een dienst met een collega.|Look at your working hours and swap a shift with a colleague."
	TOPIC[++NT] = "Een foto maken en delen|Taking and sharing a photo|Maak een scherpe foto en stuur hem alleen naar wie hem mag zien.|Take a sharp photo and send it only to who may see it."
	TOPIC[++NT] = "Videobellen met je team|Video calls with your team|Start een videogesprek, zet je microfoon aan en uit en deel je scherm.|Start a video call, turn your microphone on and off and share your screen."
	TOPIC[++NT] = "Je loonstrook online|Your payslip online|Vind je loonstrook in het portaal en lees wat erop staat.|Find your payslip in the portal and read what is on it."
	TOPIC[++NT] = "Ziek melden via de app|Calling in sick in the app|Meld je ziek en beter via de app, op tijd en op de goede manier.|Call in sick and report back through the app, on time and the right way."
	TOPIC[++NT] = "Updates installeren|Installing updates|Waarom updates belangrijk zijn en hoe je ze installeert.|Why updates matter and how you install them."
	TOPIC[++NT] = "Zoeken op internet|Searching the internet|Vind snel wat je zoekt en kies een betrouwbare website.|Find what you are looking for quickly and pick a reliable website."
	TOPIC[++NT] = "Een formulier invullen|Filling in a form|Vul een online formulier in zonder fouten en verstuur het.|Fill in an online form without mistakes and send it."
	TOPIC[++NT] = "Privacy op je telefoon|Privacy on your phone|Bepaal zelf welke apps je locatie, foto en microfoon mogen gebruiken.|Decide yourself which apps may use your location, photos and microphone."
	TOPIC[++NT] = "Tweestapsverificatie|Two-step verification|Zet een extra slot op je account met een code op je telefoon.|Put an extra lock on your account with a code on your phone."
	TOPIC[++NT] = "Bestanden opslaan|Saving files|Sla een bestand op in een map en vind het later snel terug.|Save a file in a folder and find it again quickly later."
	TOPIC[++NT] = "Een mail sturen|Sending an email|Schrijf een korte, duidelijke mail en voeg een bijlage toe.|Write a short, clear email and add an attachment."
	TOPIC[++NT] = "Veilig werken op de werkvloer|Working safely on the shop floor|Meld een onveilige situatie met de app en weet wat er dan gebeurt.|Report an unsafe situation with the app and know what happens next."

	# Explain sentences: "nl|en"
	NPOOL = 0
	pool(EX_NL, EX_EN, "Tik met één vinger kort op het scherm.|Touch the screen briefly with one finger.")
	pool(EX_NL, EX_EN, "Til je vinger daarna meteen weer op.|Then lift your finger again at once.")
	pool(EX_NL, EX_EN, "Een wachtwoord beschermt je account, zoals je mail, je bank of DigiD.|A password protects your account, such as your mail, your bank or DigiD.")
	pool(EX_NL, EX_EN, "Lang is beter dan ingewikkeld: vier losse woorden zijn moeilijk te raden.|Long is better than complicated: four separate words are hard to guess.")
	pool(EX_NL, EX_EN, "Gebruik geen namen of datums, want die zijn makkelijk te vinden.|Do not use names or dates, because they are easy to find.")
	pool(EX_NL, EX_EN, "Je bank vraagt nooit naar je wachtwoord. Niet per mail en niet per telefoon.|Your bank never asks for your password. Not by mail and not by phone.")
	pool(EX_NL, EX_EN, "Twijfel je? Bel dan zelf het nummer dat op je pas staat.|Not sure? Then call the number on your card yourself.")
	pool(EX_NL, EX_EN, "Een nepbericht wil dat je snel iets doet. Neem juist de tijd.|A fake message wants you to act fast. Take your time instead.")
	pool(EX_NL, EX_EN, "Kijk goed naar de afzender. Klopt het adres wel?|Look closely at the sender. Is the address right?")
	pool(EX_NL, EX_EN, "Klik niet op een link in een bericht dat je niet vertrouwt.|Do not click a link in a message you do not trust.")
	pool(EX_NL, EX_EN, "In de app zie je je rooster voor de komende vier weken.|In the app you see your roster for the next four weeks.")
	pool(EX_NL, EX_EN, "Wil je een dienst ruilen? Tik dan op de dienst en kies Ruilen.|Do you want to swap a shift? Then tap the shift and choose Swap.")
	pool(EX_NL, EX_EN, "Je leidinggevende krijgt een bericht en keurt de ruil goed.|Your manager gets a message and approves the swap.")
	pool(EX_NL, EX_EN, "Houd de telefoon stil als je een foto maakt. Dan wordt hij scherp.|Keep the phone still when you take a photo. Then it will be sharp.")
	pool(EX_NL, EX_EN, "Vraag het eerst als er een collega op de foto staat.|Ask first if a colleague is in the photo.")
	pool(EX_NL, EX_EN, "Met de knop met de microfoon zet je je geluid aan of uit.|With the microphone button you turn your sound on or off.")
	pool(EX_NL, EX_EN, "Zet je microfoon uit als je niet praat. Zo hoort niemand het lawaai om je heen.|Turn off your microphone when you are not talking. Then nobody hears the noise around you.")
	pool(EX_NL, EX_EN, "Je loonstrook staat elke maand in het portaal, onder Mijn gegevens.|Your payslip is in the portal every month, under My details.")
	pool(EX_NL, EX_EN, "Bovenaan staat je brutoloon. Onderaan staat wat je echt krijgt: het nettoloon.|At the top is your gross pay. At the bottom is what you really get: the net pay.")
	pool(EX_NL, EX_EN, "Meld je ziek voor het begin van je dienst, uiterlijk om zeven uur.|Call in sick before your shift starts, at seven at the latest.")
	pool(EX_NL, EX_EN, "Ben je weer beter? Meld dat dan ook in de app.|Are you better again? Then report that in the app too.")
	pool(EX_NL, EX_EN, "Een update maakt je telefoon veiliger. Installeer hem zo snel als je kunt.|An update makes your phone safer. Install it as soon as you can.")
	pool(EX_NL, EX_EN, "Sluit je telefoon aan op de lader voordat je een grote update start.|Connect your phone to the charger before you start a big update.")
	pool(EX_NL, EX_EN, "Typ een paar woorden in het zoekvak. Je hoeft geen hele zin te schrijven.|Type a few words in the search box. You do not need to write a whole sentence.")
	pool(EX_NL, EX_EN, "Bovenaan staan vaak advertenties. Die herken je aan het woord Gesponsord.|Ads are often at the top. You can tell them by the word Sponsored.")
	pool(EX_NL, EX_EN, "Vul eerst de velden met een sterretje in. Die zijn verplicht.|First fill in the fields with a star. They are required.")
	pool(EX_NL, EX_EN, "Lees alles nog een keer na voordat je op Versturen tikt.|Read everything once more before you tap Send.")
	pool(EX_NL, EX_EN, "In de instellingen zie je welke apps je locatie mogen gebruiken.|In the settings you see which apps may use your location.")
	pool(EX_NL, EX_EN, "Heeft een app je microfoon niet nodig? Zet het dan uit.|Does an app not need your microphone? Then turn it off.")
	pool(EX_NL, EX_EN, "Met tweestapsverificatie log je in met je wachtwoord en een code op je telefoon.|With two-step verification you log in with your password and a code on your phone.")
	pool(EX_NL, EX_EN, "Geef die code aan niemand, ook niet aan iemand die zegt dat hij van de bank is.|Give that code to nobody, not even someone who says they are from the bank.")
	pool(EX_NL, EX_EN, "Geef een bestand een duidelijke naam, met de datum erin.|Give a file a clear name, with the date in it.")
	pool(EX_NL, EX_EN, "Zet bestanden die bij elkaar horen in één map.|Put files that belong together in one folder.")
	pool(EX_NL, EX_EN, "Schrijf in de onderwerpregel waar je mail over gaat.|Write in the subject line what your mail is about.")
	pool(EX_NL, EX_EN, "Een bijlage voeg je toe met de paperclip.|You add an attachment with the paper clip.")
	pool(EX_NL, EX_EN, "Zie je iets onveiligs op de werkvloer? Maak een foto en meld het in de app.|Do you see something unsafe on the shop floor? Take a photo and report it in the app.")
	pool(EX_NL, EX_EN, "De preventiemedewerker kijkt binnen een dag naar je melding.|The safety officer looks at your report within a day.")
	pool(EX_NL, EX_EN, "Weet je het niet zeker? Vraag het aan een collega of aan je leidinggevende.|Not sure? Ask a colleague or your manager.")
	pool(EX_NL, EX_EN, "Goed gedaan! Je weet nu hoe het werkt.|Well done! Now you know how it works.")
	pool(EX_NL, EX_EN, "Oefen het nog een keer op je eigen telefoon.|Practise it once more on your own phone.")
	NEX = NPOOL

	NPOOL = 0
	pool(Q_NL, Q_EN, "Welk wachtwoord is het sterkst?|Which password is the strongest?")
	pool(Q_NL, Q_EN, "Je krijgt een sms van je bank. Je moet je wachtwoord sturen. Wat doe je?|You get a text message from your bank. You must send your password. What do you do?")
	pool(Q_NL, Q_EN, "Wat doe je als je een mail krijgt met een link die je niet vertrouwt?|What do you do when you get a mail with a link you do not trust?")
	pool(Q_NL, Q_EN, "Samira wil een dienst ruilen met Kees. Waar tikt ze op?|Samira wants to swap a shift with Kees. What does she tap?")
	pool(Q_NL, Q_EN, "Je wilt een foto van je team delen. Wat doe je eerst?|You want to share a photo of your team. What do you do first?")
	pool(Q_NL, Q_EN, "Je zit in een videogesprek en je praat even niet. Wat doe je?|You are in a video call and you are not talking for a while. What do you do?")
	pool(Q_NL, Q_EN, "Waar vind je wat je deze maand echt krijgt?|Where do you find what you really get this month?")
	pool(Q_NL, Q_EN, "Je bent ziek. Je dienst begint om acht uur. Wanneer meld je je ziek?|You are ill. Your shift starts at eight. When do you call in sick?")
	pool(Q_NL, Q_EN, "Je telefoon vraagt om een update. Wat is het beste?|Your phone asks for an update. What is best?")
	pool(Q_NL, Q_EN, "Welke zoekwoorden werken het best om een bus naar je werk te vinden?|Which search words work best to find a bus to your work?")
	pool(Q_NL, Q_EN, "Welke velden van een formulier moet je altijd invullen?|Which fields of a form must you always fill in?")
	pool(Q_NL, Q_EN, "Een zaklamp-app vraagt om je locatie. Wat doe je?|A torch app asks for your location. What do you do?")
	pool(Q_NL, Q_EN, "Iemand belt en vraagt om de code op je telefoon. Wat doe je?|Someone calls and asks for the code on your phone. What do you do?")
	pool(Q_NL, Q_EN, "Welke naam voor een bestand is het duidelijkst?|Which name for a file is the clearest?")
	pool(Q_NL, Q_EN, "Wat zet je in de onderwerpregel van een mail?|What do you put in the subject line of a mail?")
	pool(Q_NL, Q_EN, "Er ligt olie op de vloer bij de laaddeur. Wat doe je?|There is oil on the floor by the loading door. What do you do?")
	pool(Q_NL, Q_EN, "Wat maakt je accounts veiliger? Kies alle goede antwoorden.|What makes your accounts safer? Choose all the right answers.")
	pool(Q_NL, Q_EN, "Welke dingen horen bij een nepbericht? Kies alle goede antwoorden.|Which things belong to a fake message? Choose all the right answers.")
	NQ = NPOOL

	NPOOL = 0
	pool(A_NL, A_EN, "tafel wolk trompet groen|table cloud trumpet green")
	pool(A_NL, A_EN, "Welkom123|Welcome123")
	pool(A_NL, A_EN, "Ik stuur niets en bel zelf mijn bank.|I send nothing and call my bank myself.")
	pool(A_NL, A_EN, "Ik stuur mijn wachtwoord, want het is mijn bank.|I send my password, because it is my bank.")
	pool(A_NL, A_EN, "Ik klik op de link om te kijken wat het is.|I click the link to see what it is.")
	pool(A_NL, A_EN, "Ik verwijder de mail zonder te klikken.|I delete the mail without clicking.")
	pool(A_NL, A_EN, "Op de dienst, en dan op Ruilen|On the shift, and then on Swap")
	pool(A_NL, A_EN, "Op Instellingen|On Settings")
	pool(A_NL, A_EN, "Ik vraag of iedereen het goed vindt.|I ask if everyone agrees.")
	pool(A_NL, A_EN, "Ik zet hem meteen op internet.|I put it on the internet at once.")
	pool(A_NL, A_EN, "Ik zet mijn microfoon uit.|I turn off my microphone.")
	pool(A_NL, A_EN, "Ik verlaat het gesprek.|I leave the call.")
	pool(A_NL, A_EN, "Onderaan de loonstrook, bij nettoloon|At the bottom of the payslip, at net pay")
	pool(A_NL, A_EN, "Bovenaan, bij brutoloon|At the top, at gross pay")
	pool(A_NL, A_EN, "Voor zeven uur, in de app|Before seven, in the app")
	pool(A_NL, A_EN, "Om half negen, als ik er niet ben|At half past eight, when I am not there")
	pool(A_NL, A_EN, "Zo snel mogelijk installeren, aan de lader|Install it as soon as possible, on the charger")
	pool(A_NL, A_EN, "Nooit installeren|Never install it")
	pool(A_NL, A_EN, "bus Zwolle Kampen|bus Zwolle Kampen")
	pool(A_NL, A_EN, "hoe kom ik met de bus naar mijn werk alstublieft|how do I get to my work by bus please")
	pool(A_NL, A_EN, "De velden met een sterretje|The fields with a star")
	pool(A_NL, A_EN, "Alleen je naam|Only your name")
	pool(A_NL, A_EN, "Ik zeg nee, want een zaklamp heeft dat niet nodig.|I say no, because a torch does not need it.")
	pool(A_NL, A_EN, "Ik zeg ja, anders werkt hij niet.|I say yes, otherwise it will not work.")
	pool(A_NL, A_EN, "Ik geef de code niet en hang op.|I do not give the code and hang up.")
	pool(A_NL, A_EN, "Ik lees de code voor.|I read out the code.")
	pool(A_NL, A_EN, "rooster-2024-03-11.pdf|roster-2024-03-11.pdf")
	pool(A_NL, A_EN, "document1.pdf|document1.pdf")
	pool(A_NL, A_EN, "Waar de mail over gaat|What the mail is about")
	pool(A_NL, A_EN, "Mijn telefoonnummer|My phone number")
	pool(A_NL, A_EN, "Ik maak een foto en meld het in de app.|I take a photo and report it in the app.")
	pool(A_NL, A_EN, "Ik loop er voorzichtig omheen.|I walk around it carefully.")
	pool(A_NL, A_EN, "Een wachtzin van vier losse woorden|A passphrase of four separate words")
	pool(A_NL, A_EN, "Overal hetzelfde wachtwoord|The same password everywhere")
	pool(A_NL, A_EN, "Tweestapsverificatie aanzetten|Turning on two-step verification")
	pool(A_NL, A_EN, "Het bericht heeft veel haast.|The message is in a great hurry.")
	pool(A_NL, A_EN, "De afzender is een vreemd adres.|The sender is a strange address.")
	pool(A_NL, A_EN, "Er staat je eigen naam in.|It has your own name in it.")
	pool(A_NL, A_EN, "Ik vraag het aan mijn leidinggevende.|I ask my manager.")
	pool(A_NL, A_EN, "Ik doe niets.|I do nothing.")
	NA = NPOOL

	NPOOL = 0
	pool(R_NL, R_EN, "Goed! Vier losse woorden maken een lang wachtwoord. Dat is moeilijk te raden en makkelijk te onthouden.|Well done! Four separate words make a long password. It is hard to guess and easy to remember.")
	pool(R_NL, R_EN, "Goed! Je bank vraagt nooit naar je wachtwoord. Twijfel je? Bel je bank zelf.|Well done! Your bank never asks for your password. Not sure? Call your bank yourself.")
	pool(R_NL, R_EN, "Goed zo. Zo gaat het snel en weet je leidinggevende ervan.|Good. That way it is quick and your manager knows about it.")
	pool(R_NL, R_EN, "Precies! Zo voorkom je problemen, voor jezelf en voor je collega.|Exactly! That way you prevent problems, for yourself and for your colleague.")
	pool(R_NL, R_EN, "Helemaal goed. Dit is de veiligste keuze.|Completely right. This is the safest choice.")
	pool(R_NL, R_EN, "Goed! Met een paar duidelijke woorden vind je het snelst wat je zoekt.|Well done! With a few clear words you find what you need fastest.")
	pool(R_NL, R_EN, "Klopt! Een app mag alleen gebruiken wat hij echt nodig heeft.|Right! An app may only use what it really needs.")
	pool(R_NL, R_EN, "Goed gedaan. Zo vind je het later snel terug, ook als je het bent vergeten.|Well done. That way you find it again quickly later, even if you forgot.")
	pool(R_NL, R_EN, "Goed! Een melding in de app wordt altijd bekeken. Zo blijft de werkvloer veilig.|Well done! A report in the app is always looked at. That keeps the shop floor safe.")
	pool(R_NL, R_EN, "Ja! Dat zijn alle goede antwoorden. Samen maken ze het een dief veel moeilijker.|Yes! Those are all the right answers. Together they make it much harder for a thief.")
	NR = NPOOL

	NPOOL = 0
	pool(W_NL, W_EN, "Nog niet. Kies het langste wachtwoord zonder naam of jaartal.|Not yet. Choose the longest password without a name or a year.")
	pool(W_NL, W_EN, "Pas op. Denk aan de tip: wie vraagt er nooit naar je wachtwoord?|Careful. Remember the tip: who never asks for your password?")
	pool(W_NL, W_EN, "Nog niet. Lees de uitleg nog eens en probeer het opnieuw.|Not yet. Read the explanation again and try once more.")
	pool(W_NL, W_EN, "Dat is niet de beste keuze. Denk na: wat kan er misgaan?|That is not the best choice. Think: what could go wrong?")
	pool(W_NL, W_EN, "Bijna. Er is meer dan één goed antwoord. Kies alles wat klopt.|Almost. There is more than one right answer. Choose everything that is true.")
	pool(W_NL, W_EN, "Nog niet. Kijk nog eens goed naar het scherm in de uitleg.|Not yet. Look closely at the screen in the explanation again.")
	pool(W_NL, W_EN, "Helaas. Zo loop je een risico. Kies het antwoord dat het veiligst is.|Sorry. That way you take a risk. Choose the answer that is safest.")
	pool(W_NL, W_EN, "Nog niet. Vraag het aan een collega als je het niet zeker weet.|Not yet. Ask a colleague if you are not sure.")
	NW = NPOOL

	split("1.1 1.2 1.3 2.1 2.2 2.3 2.4 2.5 2.6 3.1 3.2 3.3 3.4 4.1 4.2 4.3 4.4 5.1 5.2 5.3 5.4", COMP, " ")
	split("worker|worker, supervisor|worker, supervisor, manager|supervisor|supervisor, manager|worker", ROLES, "|")

	for (L = 1; L <= n; L++) {
		D = sprintf("lesson-%04d", L)
		F = D "/lesson.yaml"
		split(TOPIC[(L - 1) % NT + 1], t, "|")
		part = int((L - 1) / NT) + 1
		has_pic = (L % 3 == 0)
		if (has_pic)
			svg(D "/picture.svg", L)

		printf "# Generated by bench/gen-lessons.sh (lesson %d of %d, seed %d) for the\n", L, n, seed > F
		printf "# catalogue benchmark: realistic in size and shape, not in content.\n" > F
		printf "id: gen-%04d-%s\n", L, (L % 2 ? "digitaal" : "werkvloer") > F
		printf "version: %d\n", 1 + L % 3 > F
		printf "title:\n" > F
		texts("  ", sprintf("%s, deel %d", t[1], part), sprintf("%s, part %d", t[2], part))
		printf "summary:\n" > F
		texts("  ", t[3], t[4])
		c1 = pick(21); c2 = pick(21)
		if (c1 == c2)
			printf "competences: [\"%s\"]\n", COMP[c1] > F
		else
			printf "competences: [\"%s\", \"%s\"]\n", COMP[c1], COMP[c2] > F
		printf "roles: [%s]\n", ROLES[pick(6)] > F
		printf "minutes: %d\n", 4 + pick(4) > F
		printf "steps:" > F

		nsteps = 7 + pick(5)
		# Open and close with an explanation; in between roughly half are
		# choices, never three explanations in a row.
		run = 1
		explain_step(has_pic)
		for (s = 2; s < nsteps; s++) {
			if (run >= 2 || (run > 0 && rand() < 0.6)) {
				choice_step()
				run = 0
			} else {
				explain_step(0)
				run++
			}
		}
		explain_step(0)
		close(F)
	}
}'
