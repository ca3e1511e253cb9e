#!/usr/bin/python3
"""Synthetic podcast listing pages for the castgraph benchmark.

Writes text shaped like examples/latent-space-listing.txt (see README.md, "Input
formats" -> "Listing pages"):

    <title>
    1:24:44
    EN/ZH
    Watch with Captions
    Latent Spaceil y a 1 jour
    <blank>
    <title again>
    <blank>
    <summary> ## [00:00] <chapter> > *"<quote>"* ... ## Entities - **Name** (Type): description. ...
    <blank>
    #tag#tag#tag

Usage:
    bench/generate_corpus.py --episodes N --seed S --out FILE [--pages K]

Deterministic: the same arguments give the same bytes (one random.Random(seed)
stream, no iteration over sets or hashes). Streaming: episodes are written in
1 MiB chunks as they are made; memory holds only the entity vocabulary, which
grows with N (max(2000, N/4) entities). With --pages K the same episode stream
is split into K files FILE.0 ... FILE.K-1, each with its own page chrome.

The messiness of the real pages is reproduced: 6-16 entity-list items and 5-14
chapters per episode, Zipf-like entity popularity, ~20% French episodes
(`## Entités`, `Personne`, ` : `), lower-case types, `A / B` and `Name (ACR)`
forms, accented names (sometimes written without accents), episodes without an
entity list or tags, rare title-only episodes, guests after an em dash
(`— A`, `— A & B`, `— A, Org`), `Title: Guest on Topic`, `⚡️ Guest - Title`,
hosts described as hosts, quotes in chapters, emoji in titles, 50 podcasts with
their names glued to relative dates.

Every title is unique (two statistics in it are drawn from a permutation of
the episode index), so no two episodes share an episode id.
"""

import argparse
import itertools
import random
import sys
import time
import unicodedata

# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------

FIRST_NAMES = (
    "Kyle Ethan Walden Cole Alex Sunil Omar Ivan Jake Yaroslav Noah Janie Chai Matt Shawn Brandon "
    "Vibhu Thomas Mitch Priya Maya Daniel Sofia Lucas Amara Hannah Marcus Elena Tobias Nadia Rafael "
    "Grace Owen Leila Jonas Ines Victor Clara Hugo Aisha Felix Naomi Samuel Mei Arjun Rosa Dmitri "
    "Yuki Kofi Ingrid Mateo Anya Theo Zara Elliot Nina Pavel Lena Omari Tessa Ravi Camille Jasper "
    "Farah Simon Wen Lars Keiko Diego Maren Idris Ruth Anton Sana Emil Bea Tariq Vera Jun Aditi "
    "Julien Margot Bastien Elodie Mathis Anaïs Léa Zoë José Jürgen Renée Søren Noémie Iñaki Chloé "
    "Hélène Björn François Raúl Sébastien Agnès Görkem Andrés Ximena Lúcia Stéphane Małgorzata"
).split()

LAST_NAMES = (
    "Daigle Yan Murray Rives Pai Sanseviero Burazin Cooper Azhnyuk Smith Lee Asawa Pocock Wang "
    "Honicky Viswanathan Dohmke Hashimoto Lupsasca Patel Okafor Lindqvist Moreau Tanaka Kowalski "
    "Haddad Nakamura Fischer Romero Castillo Brennan Achebe Volkov Sorensen Mensah Ferreira Oyelaran "
    "Whitfield Bergstrom Kaplan Delacroix Abara Iwasaki Vance Halloran Osei Petrov Lindgren Mbeki "
    "Quintero Rahman Sato Thorne Varga Weller Yilmaz Zhou Ibarra Kagame Laurent Marchetti Novak "
    "Peña Muñoz Müller Lefèvre Gómez Öztürk Brontë Núñez Schäfer Bénard Jiménez Hernández Dvořák "
    "Çelik Ångström Rodríguez Gauthier Bouchard Fontaine Girard Mercier Rousseau Lambert Chevalier"
).split()

SURNAME_HEADS = (
    "Kar Vel Mor Dan Ros Hal Bren Cal Fer Gus Hen Jar Lin Mar Nor Oak Pet Quin Ral Sol Tam Ul Var "
    "Wes Yar Zel Ash Bel Cor Dor Eck Fal Gar Hol Ivers Kel Lom Mal Nev Orl Pal Rad Sel Tor Wal Ald "
    "Bram Cres Dal Elm Fen Grim Hart Kess Lund Mos Ness Pry Rook Stav Thal Ves Wyn"
).split()
SURNAME_TAILS = (
    "ova sen ski ton berg ley ez ani ford ino mann ovic ard ier well stein son ura ishi ado ero ante "
    "holm quist by dorf ick ens etti ova ian enko aro oux eau ley"
).split()
SURNAME_TAILS = list(dict.fromkeys(SURNAME_TAILS))

# Brand names: onset (ends in a vowel) + optional middles (consonant + vowel) + coda.
SYL_A = (
    "Lu Ka Ne Zo Pri Ve Sy Ha Qui Ori Mo Da Te Ari Bo Ce Fi Ga Hy Jo Ki La Ma No Pa Ra Sa Ta Va "
    "Xe Ze Bra Cla Dra Fla Gri Kre Pla Stra Tri Vo Wa Yu Eli Ama Ina Ulo Obe Evo Axi Neo Sola Lyra "
    "Nova Astra Vela Cora Mira Tera"
).split()
SYL_MID = "ri ta lo ve mi no sa du ke zo ra li ne va to".split()
SYL_B = ("mex ra lon vix dex nia ros tal rin ven sa lux gen mos ter ly na rix dor va leo mind form "
         "base loop scale forge grid wave path").split()
SYL_C_CONS = ["", "", "", "", "a", "o", "is", "um", "on", "ia", "ex", "io"]
SYL_C_VOW = ["", "", "", "", "n", "x", "s", "l", "r"]

ORG_SUFFIXES = [
    "", "", "", " Labs", " Labs", " AI", " AI", " Inc.", " Systems", " Robotics", " Research",
    " Technologies", " Capital", " Health", " Bio", " Cloud", " Networks", " Dynamics",
]
ORG_WORDS_A = (
    "Open Frontier Applied Distributed Neural Quantum Civic Pacific Northern Atlas Harbor Summit "
    "Meridian Beacon Granite Silver Copper Cedar Horizon Vector Latent Parallel Signal"
).split()
ORG_WORDS_B = (
    "Compute Intelligence Robotics Learning Systems Foundations Sciences Data Reasoning Agents "
    "Security Genomics Energy Vision Language Infrastructure"
).split()
ORG_INSTITUTIONS = ["Institute", "Foundation", "Collective", "Consortium", "Alliance", "Center"]
EVENT_WORDS = ["Summit", "Conf", "World", "Forum", "Days", "Expo"]
EVENT_PLACES = ["Europe", "London", "Paris", "Berlin", "Tokyo", "San Francisco", "New York", "Singapore",
                "Toronto", "Lisbon", "Austin", "Seoul"]

SOFT_SUFFIXES = [
    "", "", "DB", "JS", " CLI", " SDK", "Flow", "Kit", " Studio", " Agent", " Code", " Engine",
    " Serve", ".js", "ML", " Stack", " Graph", " Router",
]
SOFT_VERSIONS = ["", "", "", "", " 2", " 3", " 4", " 2.5", "-7B", "-70B", " Pro", " Mini", " Nano"]
MAKER_TOOLS = ["Copilot", "Actions", "Agent", "Studio", "Code", "Workers", "Cloud", "Search", "Pages", "Assistant"]
PRODUCT_NOUNS = (
    "Glasses Watch Phone Pad Box Studio One Vision Imagine Pixel Ring Hub Drive Cam Lens Max Go "
    "Home Buds Tablet Console Robot Car Dock"
).split()

CONCEPT_ADJ = (
    "Sparse Agentic Latent Recursive Federated Contrastive Mechanistic Self-supervised Ambient "
    "Synthetic Speculative Multi-agent Long-context Test-time Retrieval-augmented Multimodal "
    "Adversarial Causal Differentiable Hierarchical Probabilistic Continual Embodied Verifiable "
    "Compositional Open-ended Distributed Quantized Autoregressive Diffusion-based Curriculum "
    "Reward-free Offline Online Symbolic Neuro-symbolic Zero-shot Few-shot In-context Structured"
).split()
CONCEPT_NOUNS = (
    "Attention Compute Retrieval Decoding Interpretability Learning Evaluation Memory Distillation "
    "Reasoning Planning Alignment Tokenization Routing Sampling Pretraining Fine-tuning Inference "
    "Orchestration Search Verification Compression Caching Benchmarks Simulation Optimization "
    "Embeddings Grounding Guardrails Sandboxing Forecasting Labeling Scheduling Batching Serving "
    "Pruning Merging Steering Prompting Tracing"
).split()
CONCEPT_FIXED = [
    ("Mixture of Experts", "MoE"), ("Reinforcement Learning from Human Feedback", "RLHF"),
    ("Model Context Protocol", "MCP"), ("Retrieval-Augmented Generation", "RAG"),
    ("Sparse Autoencoders", "SAE"), ("Chain of Thought", "CoT"), ("Direct Preference Optimization", "DPO"),
    ("Key-Value Cache", "KV cache"), ("Low-Rank Adaptation", "LoRA"), ("Variational Autoencoder", "VAE"),
    ("Bitter Lesson", None), ("Scaling Laws", None), ("World Models", None), ("Vibe Coding", None),
    ("Slop Forks", None), ("Context Engineering", None), ("Postel's Law", None), ("Step distillation", None),
    ("Domain-Driven Design", "DDD"), ("Inversion of Control", None), ("Narrow Waist", None),
]

HANDLE_TAILS = ["", "", "", "x", "dev", "_ai", "ml", "io", "hq"]

# Statistics in titles: (number, unit, English noun, French noun); one pair per title
# is taken from a permutation of the episode index, which makes every title unique.
STAT_NUMBERS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16, 18, 20, 24, 25, 30, 32, 36, 40, 45, 48,
                50, 60, 64, 70, 74, 75, 80, 85, 90, 95, 99, 100, 120, 128, 150, 200, 250, 256, 300,
                400, 500, 512, 600, 750, 800, 850, 900]
STAT_MULT = [("Commits", "plus de commits"), ("PRs", "plus de PR"), ("Throughput", "de débit"),
             ("Faster Inference", "d'inférence plus rapide"), ("Cheaper Tokens", "de tokens moins chers"),
             ("Revenue", "de revenus"), ("Speedup", "d'accélération"), ("More Agents", "plus d'agents")]
STAT_PCT = [("MoM Growth", "de croissance mensuelle"), ("Win Rate", "de taux de victoire"),
            ("Accuracy", "de précision"), ("Gross Margin", "de marge brute"),
            ("Cost Reduction", "de réduction des coûts"), ("Recall", "de rappel"),
            ("Fewer Bugs", "de bugs en moins"), ("Retention", "de rétention")]
STAT_COUNT = [("Developers", "développeurs"), ("Users", "utilisateurs"), ("GPUs", "GPU"),
              ("Runs/Day", "exécutions par jour"), ("Tokens", "tokens"), ("Parameters", "paramètres"),
              ("Patients", "patients"), ("Stars", "étoiles"), ("Downloads", "téléchargements"),
              ("Customers", "clients"), ("Consultations", "consultations"), ("Robots", "robots"),
              ("Papers", "articles"), ("Sandboxes", "bacs à sable"), ("Repos", "dépôts"),
              ("Drones", "drones"), ("Queries", "requêtes"), ("Listeners", "auditeurs")]
COUNT_UNITS = [("", ""), ("K", "K"), ("M", "M"), ("B", "B")]


def build_stats():
    en, fr = [], []
    for n in STAT_NUMBERS:
        for noun, noun_fr in STAT_MULT:
            en.append(f"{n}x {noun}")
            fr.append(f"{n}x {noun_fr}")
        for noun, noun_fr in STAT_PCT:
            if n <= 100:
                en.append(f"{n}% {noun}")
                fr.append(f"{n} % {noun_fr}")
        for unit, unit_fr in COUNT_UNITS:
            for noun, noun_fr in STAT_COUNT:
                en.append(f"{n}{unit} {noun}")
                fr.append(f"{n}{unit_fr} {noun_fr}" if unit_fr else f"{n} {noun_fr}")
    return en, fr


PODCASTS = [
    "Latent Space", "Gradient Dissent Radio", "The Inference Hour", "Signal and Noise FM", "Tokens Per Second",
    "The Cognitive Stack", "Deep Context", "Open Weights", "Compute Bound", "The Agent Loop",
    "Prompt Engineering Daily", "Le Podcast IA", "Silicon Sessions", "Machine Minds", "The Robot Brains Show",
    "Data Engineering Weekly", "The Scaling Era", "Frontier Lab Notes", "Bits and Atoms", "The Eval Room",
    "Infra Talk", "Neural Notes", "Founders at Work AI", "The Model Card", "Backprop Radio",
    "Génération IA", "Les Cerveaux Artificiels", "Ship It Fridays", "The Context Window", "Attention Span",
    "Hard Fork Research", "The Tensor Cast", "Practical Machine Learning", "Robots Among Us", "The Weights Room",
    "Code and Coffee", "Systems Thinking Show", "AI Policy Brief", "The Bio Compute Show", "Open Source Stories",
    "The Startup Lab", "Cloud Native Cast", "The GPU Report", "Algorithms Unplugged", "Dev Experience Hour",
    "The Applied AI Show", "Mind the Product", "Research Roundtable", "L'Heure du Code", "The Long Context",
]

EMOJI = ["⚡️ ", "🔬 ", "🔬", "🎙️ ", "🤖 ", "🚀 ", "🧠 ", "📈 "]
LANG_LINES = ["EN/ZH"] * 14 + ["EN/FR", "EN", "FR/EN", "EN/ZH/JA", "EN/ES"]

DATE_FR = ([f"il y a {n} jours" for n in range(2, 30)] + ["il y a 1 jour"] * 3 +
           [f"il y a {n} semaines" for n in range(2, 5)] + ["il y a 1 mois"] +
           [f"il y a {n} mois" for n in range(2, 12)] + ["il y a 1 an", "il y a 2 ans", "hier"])
DATE_EN = ([f"{n} days ago" for n in range(2, 30)] + ["a day ago", "yesterday", "today"] +
           [f"{n} weeks ago" for n in range(2, 5)] + ["a month ago"] +
           [f"{n} months ago" for n in range(2, 12)] + ["a year ago", "2 years ago"])

TITLE_LEADS_EN = [
    "{O}'s Agent Era", "Inside {O}", "{S} at Scale", "Why {C} Wins", "The {C} Playbook",
    "{O} Goes All In on {C}", "Building {S} in Public", "The Road to {S}", "{C} Is Eating Software",
    "How {O} Ships {S}", "The {C} Moment", "{S} and the End of Hand-Held Coding", "Rebuilding {O}",
    "AI Agents Need {C}", "The Agent-Native {O}", "What {C} Really Costs", "{O} Unplugged",
]
TITLE_TAILS_EN = [
    "the Future of {S}", "What Comes After {S}", "New Agent Cloud", "{C} for Everyone", "End of the Monolith",
    "{O}'s Next Act", "Video Agents", "Open Models", "Why {C} Matters", "the {S} Roadmap", "Lessons from {O}",
]
TITLE_LEADS_FR = [
    "Dans les coulisses de {O}", "La stratégie {C} de {O}", "Pourquoi {C} change tout", "{S} en production",
    "Le pari de {O}", "Ce que {C} nous apprend", "{O} et l'ère des agents", "Comment {O} construit {S}",
    "La révolution {C}", "{S} à grande échelle",
]
TITLE_TAILS_FR = [
    "l'avenir de {S}", "la suite pour {O}", "{C} pour tous", "les leçons de {O}", "la fin du monolithe",
    "le nouveau cloud des agents", "des modèles ouverts",
]

HEADINGS_FIRST_EN = ["Hook", "Intro", "Introduction", "Cold Open", "Teaser"]
HEADINGS_EN = [
    "Why {C} Matters Now", "{O}'s Bet on {S}", "From {S} to {S2}", "Inside {O}", "The Case for {C}",
    "Scaling {S} in Production", "What {C} Gets Wrong", "Lessons from {O}", "{C} and the Road to {C2}",
    "Building {S} from Scratch", "Benchmarks, Evals, and {C}", "Open Source vs {S}", "The {C} Debate",
    "Hiring and Culture at {O}", "Security and {C}", "Where {S} Breaks Down", "Agents, Tools, and {C}",
    "{P}'s Path to {O}", "Pricing, Margins, and {S}", "The {O} Origin Story", "Running {O} with {S}",
]
HEADINGS_LAST_EN = ["Lightning Round", "Predictions", "Closing Thoughts", "Outro", "Wrap-Up"]
HEADINGS_FIRST_FR = ["Introduction", "L'accroche", "Ouverture", "Extrait"]
HEADINGS_FR = [
    "Pourquoi {C} compte maintenant", "Le pari de {O} sur {S}", "De {S} à {S2}", "Dans les coulisses de {O}",
    "Plaidoyer pour {C}", "{S} en production", "Les angles morts de {C}", "Les leçons de {O}",
    "{C} et la route vers {C2}", "Construire {S} à partir de zéro", "Benchmarks, évaluations et {C}",
    "Le débat sur {C}", "Sécurité et {C}", "Le parcours de {P} jusqu'à {O}", "Piloter {O} avec {S}",
]
HEADINGS_LAST_FR = ["Questions en rafale", "Prédictions", "Conclusion", "Le mot de la fin"]

# Sentence templates. Slots: P speaker (a person of the episode, as written in
# text: full name, first name or handle), Q another person, O organization,
# S/S2 software or product, C/C2 concept, G guest, H host.
SENT_EN = [
    "{P} explains how {S} changed the way the team at {O} ships code.",
    "{P} argues that {C} matters more than raw model size, and compares it with {S}.",
    "{P} walks through the early days at {O}, when the whole stack ran on {S}.",
    "{P} describes why {C} is finally practical, citing internal benchmarks on {S}.",
    "{P} recalls the first demo of {S} and the feedback from early {O} customers.",
    "{P} pushes back on the hype around {C}; the real bottleneck is {S}.",
    "{P} compares {S} with {S2} and explains where each one breaks down.",
    "{P} shares numbers from the {S} rollout at {O}: latency dropped while usage tripled.",
    "{P} asks {Q} whether {S} will replace {S2} within two years.",
    "{P} outlines the roadmap for {S}, including tighter integration with {O}.",
    "{P} opens mid-sentence, already deep in an argument about {C} and {S}.",
    "{P} points out that {S} quietly depends on {C} for everything that matters.",
    "{P} and {Q} debate whether {C} survives contact with production at {O}.",
    "{P} credits {Q} with the idea behind {S}.",
]
MORE_EN = [
    "The conversation then turns to {C} and what it means for small teams.",
    "Both agree that evaluation is still the hardest part of the job.",
    "They close the segment with a prediction about {S}.",
    "The surprising part is how little of this needed new research.",
    "It is a pragmatic answer rather than a visionary one.",
    "{O} comes up again as the obvious counterexample.",
    "Cost, not capability, turns out to be the deciding factor.",
]
SENT_FR = [
    "{P} explique comment {S} a changé la façon dont l'équipe de {O} livre du code.",
    "{P} soutient que {C} compte davantage que la taille brute du modèle, et le compare à {S}.",
    "{P} retrace les débuts chez {O}, quand toute la pile reposait sur {S}.",
    "{P} décrit pourquoi {C} devient enfin pratique, en citant des mesures internes sur {S}.",
    "{P} revient sur la première démo de {S} et les retours des premiers clients de {O}.",
    "{P} tempère l'enthousiasme autour de {C} ; le vrai goulet d'étranglement reste {S}.",
    "{P} compare {S} et {S2} et montre où chacun atteint ses limites.",
    "{P} présente la feuille de route de {S}, avec une intégration plus poussée chez {O}.",
    "{P} se demande si {S} remplacera {S2} d'ici deux ans.",
    "{P} et {Q} présentent {C} comme le sujet central de l'épisode.",
]
MORE_FR = [
    "La conversation se tourne ensuite vers {C} et ce que cela implique pour les petites équipes.",
    "Tous deux conviennent que l'évaluation reste la partie la plus difficile.",
    "Ils concluent le segment par une prédiction sur {S}.",
    "Le plus surprenant est le peu de recherche nouvelle que cela a exigé.",
    "Le coût, et non la capacité, s'avère être le facteur décisif.",
]
QUOTES_EN = [
    "We basically rebuilt the whole pipeline around {S} in a weekend.",
    "Nobody asked for {S}, and then everybody asked for it at once.",
    "The model is not the product. The loop around the model is the product.",
    "If it is easy for humans to change, it is going to be easy for agents to change too.",
    "I can crank up fifteen agents on a Saturday and still make it to lacrosse.",
    "Honestly, {C} was the thing that made it click for me.",
    "You have to be very, very efficient with these agents, or the cost structure blows up.",
    "We are ending the era of the massive, beautiful, perfect skill.",
    "Data, not compute, was the limit the whole time.",
]
QUOTES_FR = [
    "Nous avons reconstruit tout le pipeline autour de {S} en un week-end.",
    "Personne ne demandait {S}, puis tout le monde l'a demandé en même temps.",
    "Le modèle n'est pas le produit. La boucle autour du modèle est le produit.",
    "Je crois aux lois d'échelle.",
    "Les données, pas le calcul, étaient la limite depuis le début.",
]
SUMMARY_EN = [
    "{G} joins {H} to discuss {S}, {C}, and the road ahead for {O}.",
    "{H} sits down with {G} to map what {C} looks like from inside {O}, from {S} to {S2}.",
    "{G} talks with {H} about {S}, why {C} is overrated, and where {O} goes next.",
]
SUMMARY_FR = [
    "{G} rejoint {H} pour parler de {S}, de {C} et de l'avenir de {O}.",
    "{H} reçoit {G} pour explorer {C} depuis l'intérieur de {O}, de {S} à {S2}.",
]
SUMMARY_SOLO_EN = [
    "{H} covers {S}, {C}, and the road ahead for {O}.",
    "{H} and {Q} break down the week: {S}, {S2}, and why {C} keeps coming up.",
]
SUMMARY_SOLO_FR = [
    "{H} passe en revue {S}, {C} et l'avenir de {O}.",
    "{H} et {Q} décryptent la semaine : {S}, {S2} et le retour de {C}.",
]
SUMMARY_MORE_EN = [
    "The conversation is grounded throughout in concrete numbers and real deployments.",
    "Along the way they cover hiring, pricing, and what still does not work.",
    "It is a candid look at the trade-offs nobody puts in the launch post.",
]
SUMMARY_MORE_FR = [
    "La conversation reste ancrée dans des chiffres concrets et des déploiements réels.",
    "Au passage, ils abordent le recrutement, les prix et ce qui ne fonctionne toujours pas.",
]

ROLES_EN = ["CEO of {O}", "Co-founder of {O}", "Researcher at {O}", "Former {O} engineer", "CTO of {O}",
            "Founder and CEO of {O}", "Head of developer experience at {O}", "Chief scientist at {O}",
            "Product lead at {O}", "COO of {O}", "Principal engineer at {O}", "Open-source maintainer at {O}"]
ROLES_FR = ["PDG de {O}", "Cofondateur de {O}", "Chercheur chez {O}", "Ancien ingénieur de {O}", "CTO de {O}",
            "Fondateur et PDG de {O}", "Responsable de l'expérience développeur chez {O}",
            "Directeur scientifique de {O}", "Responsable produit chez {O}", "Ingénieur principal chez {O}"]
ORG_DESC_EN = {
    "company": ["AI company building {S}", "Cloud platform company", "Developer tools company behind {S}",
                "Startup focused on {C}", "Infrastructure company selling compute for {C}"],
    "lab": ["AI research lab known for work on {C}", "Research lab; publishes open models and {S}",
            "Nonprofit research institute studying {C}"],
    "event": ["Annual developer conference; venue of this interview", "Applied AI conference and expo",
              "Community event on {C}"],
}
ORG_DESC_FR = {
    "company": ["Société d'IA qui développe {S}", "Société de plateforme cloud", "Éditeur d'outils développeur derrière {S}",
                "Startup spécialisée dans {C}", "Fournisseur de calcul pour {C}"],
    "lab": ["Laboratoire de recherche en IA connu pour ses travaux sur {C}", "Laboratoire qui publie des modèles ouverts et {S}",
            "Institut de recherche à but non lucratif qui étudie {C}"],
    "event": ["Conférence annuelle pour développeurs ; lieu de cet entretien", "Conférence d'IA appliquée",
              "Événement communautaire sur {C}"],
}
SOFT_DESC_EN = {
    "model": ["Open-weight model family from {O}", "{O}'s frontier model", "Small on-device model by {O}"],
    "framework": ["Open-source framework maintained by {O}", "Agent framework from {O}", "Library for {C}"],
    "database": ["Vector database used for {C}", "Managed database from {O}", "Open-source database engine"],
    "tool": ["{O}'s coding agent", "Command-line tool for {C}", "Inference server built by {O}",
             "Workflow orchestration platform"],
}
SOFT_DESC_FR = {
    "model": ["Famille de modèles open-weight de {O}", "Modèle de pointe de {O}", "Petit modèle embarqué de {O}"],
    "framework": ["Framework open source maintenu par {O}", "Framework d'agents de {O}", "Bibliothèque pour {C}"],
    "database": ["Base vectorielle utilisée pour {C}", "Base de données gérée de {O}", "Moteur de base de données open source"],
    "tool": ["Agent de code de {O}", "Outil en ligne de commande pour {C}", "Serveur d'inférence construit par {O}",
             "Plateforme d'orchestration de workflows"],
}
PROD_DESC_EN = ["{O}'s wearable device", "Consumer app from {O}", "{O}'s internal tool for support feedback",
                "Hardware kit sold by {O}", "Paid tier of {O}'s platform"]
PROD_DESC_FR = ["Appareil portable de {O}", "Application grand public de {O}", "Outil interne de {O}",
                "Kit matériel vendu par {O}", "Offre payante de la plateforme {O}"]
CONC_DESC_EN = ["Technique for making {C} cheaper at inference time", "Approach where models learn {C} without labels",
                "Design principle: strict outputs, liberal inputs", "Training method related to {C}",
                "Architecture pattern for long-running agents", "Evaluation practice for {C}"]
CONC_DESC_FR = ["Technique pour rendre {C} moins coûteux à l'inférence", "Approche où les modèles apprennent {C} sans étiquettes",
                "Principe de conception : sorties strictes, entrées tolérantes", "Méthode d'entraînement liée à {C}",
                "Motif d'architecture pour agents de longue durée", "Pratique d'évaluation pour {C}"]
CLAUSES_EN = ["", "", "", "discussed in the context of {C}", "referenced for its recent launch",
              "mentioned as a comparison point", "central to the episode's argument",
              "cited for its benchmark results", "used internally by the guest's team"]
CLAUSES_FR = ["", "", "", "évoqué à propos de {C}", "cité pour son lancement récent",
              "mentionné comme point de comparaison", "au cœur de l'argument de l'épisode",
              "utilisé en interne par l'équipe de l'invité"]
CLAUSES_PERSON_EN = ["", "", "", "discussed in the context of {C}", "guest on this episode",
                     "mentioned as a comparison point", "referenced for a talk on {C}", "quoted on hiring"]
CLAUSES_PERSON_FR = ["", "", "", "évoqué à propos de {C}", "invité de cet épisode",
                     "mentionné comme point de comparaison", "cité pour une conférence sur {C}"]
HOST_EN = ["Host of {POD}", "{POD} co-host", "Host of {POD} podcast", "Host of {POD}; conducts the interview",
           "{POD} co-host; co-interviewer for this episode"]
HOST_FR = ["Animateur de {POD}", "Co-animateur de {POD}", "Animateur de {POD} ; mène l'entretien"]

GENERIC_TAGS = ["ai-agents", "open-source", "infrastructure", "llms", "developer-tools", "startups",
                "ai-engineering", "robotics", "ai-healthcare", "open-models", "evals", "cloud-computing",
                "scaling-laws", "interpretability", "security", "hardware", "policy"]

KIND_PERSON, KIND_ORG, KIND_SOFT, KIND_PROD, KIND_CONC = range(5)
TYPES_EN = ["Person", "Organization", "Software", "Product", "Concept"]
TYPES_EN_LOWER = ["person", "organization", "software", "product", "concept"]
TYPES_FR = ["Personne", "Organisation", "Logiciel", "Produit", "Concept"]
ALT_TYPES_EN = {"company": "Company", "lab": "Lab", "event": "Conference", "model": "Model",
                "framework": "Framework", "database": "Software/Database", "tool": "Tool",
                "device": "Hardware", "app": "Product", "concept": "Technique"}
ALT_TYPES_FR = {"company": "Entreprise", "lab": "Laboratoire", "event": "Événement", "model": "Modèle",
                "framework": "Logiciel", "database": "Logiciel/Base de données", "tool": "Outil",
                "device": "Matériel", "app": "Produit", "concept": "Technique"}


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def slug(text):
    out = []
    dash = False
    for c in strip_accents(text).lower():
        if c.isalnum():
            if dash and out:
                out.append("-")
            out.append(c)
            dash = False
        elif c != "'":
            dash = True
    return "".join(out)


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

class Vocabulary:
    """Entities with canonical names, alias forms, kinds and fixed descriptions."""

    def __init__(self, size, seed):
        R = random.Random(f"castgraph-vocabulary/{seed}/{size}")
        self.name = []      # canonical name
        self.kind = []      # KIND_*
        self.sub = []       # subtype (company, lab, event, model, ...)
        self.alias = []     # handle / acronym or None
        self.akind = []     # 0 none, 1 "Name / handle", 2 "Name (ACR)", 3 "ACR (Name)"
        self.link = []      # organization of a person / maker of software and products
        self.plain = []     # name without accents or org suffix (a variant some lists use) or None
        self.tag = []
        self.taken = taken = {}  # lower-cased names and aliases already used

        def free(text):
            key = text.lower()
            if key in taken:
                return False
            taken[key] = True
            return True

        n_org = max(60, size * 20 // 100)
        n_person = max(100, size * 36 // 100)
        n_soft = max(60, size * 20 // 100)
        n_prod = max(20, size * 9 // 100)
        n_conc = max(40, size - n_org - n_person - n_soft - n_prod)

        def brand(extra):
            for attempt in itertools.count():
                stem = R.choice(SYL_A)
                for _ in range(attempt // 12):  # longer names once the short ones are taken
                    stem += R.choice(SYL_MID)
                coda = R.choice(SYL_B)
                stem += coda
                stem += R.choice(SYL_C_VOW if coda[-1] in "aeiouy" else SYL_C_CONS)
                if stem.lower() not in extra:
                    extra[stem.lower()] = True
                    return stem

        org_stems = {}
        org_stem = {}  # organization -> its brand stem, for names like "GitHub Copilot"
        orgs = []
        for _ in range(n_org):
            r = R.random()
            alias = None
            akind = 0
            plain = None
            stem = None
            if r < 0.08:
                sub = "event"
                while True:
                    base = f"{R.choice(SYL_A)}{R.choice(SYL_B)} {R.choice(EVENT_WORDS)} {R.choice(EVENT_PLACES)}"
                    if free(base):
                        break
                name = base
                words = [w for w in name.split() if w[0].isupper()]
                acr = "".join(w[0] for w in words).upper()
                if len(acr) >= 3 and free(acr):
                    alias, akind = acr, 2
            elif r < 0.16:
                sub = "lab"
                while True:
                    name = (f"{R.choice(ORG_WORDS_A)} {R.choice(ORG_WORDS_B)} {R.choice(ORG_INSTITUTIONS)}"
                            if R.random() < 0.5 else
                            f"{R.choice(ORG_INSTITUTIONS)} for {R.choice(ORG_WORDS_B)} {brand(org_stems)}")
                    if free(name):
                        break
                acr = "".join(w[0] for w in name.split() if w[0].isupper())
                if R.random() < 0.6 and free(acr):
                    alias, akind = acr, 2
            else:
                sub = "lab" if R.random() < 0.25 else "company"
                while True:
                    stem = brand(org_stems)  # the stem also names its products ("GitHub Copilot")
                    suffix = R.choice(ORG_SUFFIXES)
                    name = stem + suffix
                    if free(name) and (not suffix or free(stem)):
                        break
                if suffix and R.random() < 0.3:
                    plain = stem
            orgs.append(self._add(name, KIND_ORG, sub, alias, akind, -1, plain))
            if stem is not None:
                org_stem[orgs[-1]] = stem

        employers = [o for o in orgs if self.sub[o] != "event"]
        org_w = list(itertools.accumulate(1.0 / (r + 1) ** 0.7 for r in range(len(employers))))

        for _ in range(n_person):
            for attempt in itertools.count():
                first = R.choice(FIRST_NAMES)
                if R.random() < 0.35:
                    last = R.choice(LAST_NAMES)
                else:
                    last = R.choice(SURNAME_HEADS) + R.choice(SURNAME_TAILS)
                if attempt > 10:
                    last = R.choice(SURNAME_HEADS) + R.choice(SURNAME_TAILS).replace("-", "") + "-" + R.choice(LAST_NAMES)
                name = f"{first} {last}"
                if R.random() < 0.01:
                    name = f"{first} {R.choice(['van', 'de', 'von', 'da'])} {last}"
                if free(name):
                    break
            alias, akind = None, 0
            if R.random() < 0.06:
                handle = strip_accents(first[:2] + last[:3]).lower() + R.choice(HANDLE_TAILS)
                if handle.isalpha() and free(handle):
                    alias, akind = handle, 1
            plain = strip_accents(name)
            plain = plain if plain != name else None
            org = R.choices(employers, cum_weights=org_w)[0]
            self._add(name, KIND_PERSON, "person", alias, akind, org, plain)

        soft_stems = {}
        for _ in range(n_soft):
            org = R.choices(employers, cum_weights=org_w)[0]
            r = R.random()
            for attempt in itertools.count():
                if r < 0.3:
                    sub = "model"
                    name = brand(soft_stems) + R.choice(SOFT_VERSIONS)
                elif r < 0.5:
                    sub = "framework"
                    name = brand(soft_stems) + R.choice(SOFT_SUFFIXES)
                elif r < 0.6:
                    sub = "database"
                    name = brand(soft_stems) + R.choice(["DB", "Base", " Store", "SQL", ""])
                elif r < 0.7:
                    sub = "tool"
                    name = brand(soft_stems).lower()
                else:
                    sub = "tool"
                    maker = org_stem.get(org) if attempt < 8 else None
                    name = f"{maker or brand(soft_stems)} {R.choice(MAKER_TOOLS)}"
                if free(name):
                    break
            self._add(name, KIND_SOFT, sub, None, 0, org, None)

        for _ in range(n_prod):
            org = R.choices(employers, cum_weights=org_w)[0]
            maker = org_stem.get(org)
            for attempt in itertools.count():
                name = f"{maker} {R.choice(PRODUCT_NOUNS)}"
                if attempt > 5 or maker is None:
                    name = f"{brand(soft_stems)} {R.choice(PRODUCT_NOUNS)}"
                if free(name):
                    break
            self._add(name, KIND_PROD, "device" if R.random() < 0.5 else "app", None, 0, org, None)

        for full, acr in CONCEPT_FIXED:
            if free(full) and (acr is None or free(acr)):
                self._add(full, KIND_CONC, "concept", acr, 3 if acr and R.random() < 0.3 else (2 if acr else 0), -1, None)
        while len(self.name) < n_org + n_person + n_soft + n_prod + n_conc:
            for attempt in itertools.count():
                words = [R.choice(CONCEPT_ADJ), R.choice(CONCEPT_NOUNS)]
                if attempt > 3:
                    second = R.choice(CONCEPT_ADJ)
                    words.insert(1, second if second != words[0] else "Hybrid")
                if attempt > 30:
                    words.insert(2, R.choice(CONCEPT_NOUNS))
                if R.random() < 0.3:  # sentence case ("Step distillation")
                    words[1:] = [w.lower() for w in words[1:]]
                name = " ".join(words)
                if free(name):
                    break
            alias, akind = None, 0
            if R.random() < 0.08:
                acr = "".join(w[0] for w in name.replace("-", " ").split()).upper()
                if len(acr) >= 3 and free(acr):
                    alias, akind = acr, 2
            self._add(name, KIND_CONC, "concept", alias, akind, -1, None)

        self.size = len(self.name)
        self.orgs = [e for e in range(self.size) if self.kind[e] == KIND_ORG]
        self.people = [e for e in range(self.size) if self.kind[e] == KIND_PERSON]
        self.concepts = [e for e in range(self.size) if self.kind[e] == KIND_CONC]
        self.softs = [e for e in range(self.size) if self.kind[e] in (KIND_SOFT, KIND_PROD)]

        # Zipf-like popularity: a random rank for every entity, weight 1/(rank+3).
        order = list(range(self.size))
        R.shuffle(order)
        self.by_rank = order
        self.cum = list(itertools.accumulate(1.0 / (r + 8) for r in range(self.size)))
        people = [e for e in order if self.kind[e] == KIND_PERSON]
        self.people_by_rank = people
        self.people_cum = list(itertools.accumulate(1.0 / (r + 5) ** 0.9 for r in range(len(people))))
        concepts = [e for e in order if self.kind[e] == KIND_CONC]
        self.concepts_by_rank = concepts
        self.concepts_cum = list(itertools.accumulate(1.0 / (r + 10) for r in range(len(concepts))))
        softs = [e for e in order if self.kind[e] in (KIND_SOFT, KIND_PROD)]
        self.softs_by_rank = softs
        self.softs_cum = list(itertools.accumulate(1.0 / (r + 10) for r in range(len(softs))))
        orgs_r = [e for e in order if self.kind[e] == KIND_ORG]
        self.orgs_by_rank = orgs_r
        self.orgs_cum = list(itertools.accumulate(1.0 / (r + 6) for r in range(len(orgs_r))))

        # Fixed description parts (the role of a person, what a company does).
        self.desc_en = [None] * self.size
        self.desc_fr = [None] * self.size
        for e in range(self.size):
            self.desc_en[e], self.desc_fr[e] = self._describe(e, R)

    def _add(self, name, kind, sub, alias, akind, link, plain):
        self.name.append(name)
        self.kind.append(kind)
        self.sub.append(sub)
        self.alias.append(alias)
        self.akind.append(akind)
        self.link.append(link)
        self.plain.append(plain)
        self.tag.append(slug(alias if akind and len(name) > 18 else name))
        return len(self.name) - 1

    def _describe(self, e, R):
        kind = self.kind[e]
        link = self.link[e]
        o = self.name[link] if link >= 0 else self.name[R.choice(self.orgs)] if self.orgs else "the lab"
        c = self.name[R.choice(self.concepts)] if self.concepts else "agents"
        s = self.name[R.choice(self.softs)] if self.softs else "its platform"
        if kind == KIND_PERSON:
            i = R.randrange(len(ROLES_EN))
            return ROLES_EN[i].replace("{O}", o), ROLES_FR[i % len(ROLES_FR)].replace("{O}", o)
        if kind == KIND_ORG:
            sub = "company" if self.sub[e] == "company" else self.sub[e]
            i = R.randrange(len(ORG_DESC_EN[sub]))
            return (ORG_DESC_EN[sub][i].replace("{S}", s).replace("{C}", c),
                    ORG_DESC_FR[sub][i].replace("{S}", s).replace("{C}", c))
        if kind == KIND_SOFT:
            i = R.randrange(len(SOFT_DESC_EN[self.sub[e]]))
            return (SOFT_DESC_EN[self.sub[e]][i].replace("{O}", o).replace("{C}", c),
                    SOFT_DESC_FR[self.sub[e]][i].replace("{O}", o).replace("{C}", c))
        if kind == KIND_PROD:
            i = R.randrange(len(PROD_DESC_EN))
            return PROD_DESC_EN[i].replace("{O}", o), PROD_DESC_FR[i].replace("{O}", o)
        i = R.randrange(len(CONC_DESC_EN))
        return CONC_DESC_EN[i].replace("{C}", c), CONC_DESC_FR[i].replace("{C}", c)


# ---------------------------------------------------------------------------
# Episodes
# ---------------------------------------------------------------------------

class Slots(dict):
    """Template values computed on first use (str.format_map calls __missing__)."""
    __slots__ = ("resolve", "canonical")

    def __init__(self, resolve, canonical):
        super().__init__()
        self.resolve = resolve
        self.canonical = canonical

    def __missing__(self, key):
        return self.resolve(self, key, self.canonical)


class Generator:
    def __init__(self, episodes, seed):
        self.N = episodes
        self.R = R = random.Random(seed)
        vocab_size = max(2000, episodes // 4)
        self.V = V = Vocabulary(vocab_size, seed)
        self.stats_en, self.stats_fr = build_stats()
        S = len(self.stats_en)
        self.S = S
        self.M = S * S
        if episodes > self.M:
            raise SystemExit(f"at most {self.M} episodes")
        # A permutation of the episode index: j = (i * A + B) mod M with A coprime to M.
        self.A = 1000003
        while self.M % self.A == 0:
            self.A += 2
        self.B = R.randrange(self.M)

        # Podcasts: name, hosts, quote style, timestamp style, popularity.
        self.podcasts = []
        host_pool = list(V.people_by_rank[: max(200, len(PODCASTS) * 2)])
        R.shuffle(host_pool)
        for p, name in enumerate(PODCASTS):
            nh = 1 if R.random() < 0.55 else 2
            hosts = host_pool[p * 2: p * 2 + nh]
            self.podcasts.append({
                "name": name,
                "hosts": hosts,
                "quote_style": 0 if R.random() < 0.8 else 1,
                "french": 0.6 if name in ("Le Podcast IA", "Génération IA", "Les Cerveaux Artificiels",
                                          "L'Heure du Code") else 0.19,
            })
        self.pod_cum = list(itertools.accumulate(1.0 / (r + 1) ** 0.8 for r in range(len(PODCASTS))))
        self.pod_ids = list(range(len(PODCASTS)))
        # Hosts often go by a handle ("swyx").
        for pod in self.podcasts:
            for h in pod["hosts"]:
                if V.akind[h] == 0 and R.random() < 0.45:
                    first, last = strip_accents(V.name[h]).lower().split()[0], strip_accents(V.name[h]).lower().split()[-1]
                    handle = first[:1] + last[:3] + R.choice(["x", "yx", "z", "o"])
                    if handle.isalpha() and handle not in V.taken:
                        V.taken[handle] = True
                        V.alias[h], V.akind[h] = handle, 1

    # -- name forms ----------------------------------------------------------

    def list_form(self, e):
        V = self.V
        rnd = self.R.random()
        ak = V.akind[e]
        if ak == 1:
            if rnd < 0.25:
                return f"{V.name[e]} / {V.alias[e]}"
            if rnd < 0.6:
                return V.alias[e]
        elif ak == 2:
            if rnd < 0.5:
                return f"{V.name[e]} ({V.alias[e]})"
            if rnd < 0.65:
                return V.alias[e]
        elif ak == 3:
            if rnd < 0.55:
                return f"{V.alias[e]} ({V.name[e]})"
            if rnd < 0.7:
                return V.alias[e]
        elif V.plain[e] is not None and rnd < 0.06:
            return V.plain[e]
        return V.name[e]

    def text_form(self, e, handles=None):
        """How the text names an entity: canonical name, alias or acronym, or a first name.
        A handle starts a sentence only when the episode's entity list shows it
        (`handles`), as the real pages do with "swyx"."""
        V = self.V
        rnd = self.R.random()
        if V.akind[e] and rnd < 0.5 and (handles is None or e in handles or V.akind[e] != 1):
            return V.alias[e]
        if V.kind[e] == KIND_PERSON and rnd > 0.65:
            return V.name[e].split()[0]
        return V.name[e]

    # -- one episode ---------------------------------------------------------

    def episode(self, i):
        R = self.R
        rnd = R.random
        V = self.V
        choices = R.choices
        name = V.name
        kind = V.kind
        text_form = self.text_form

        def pick(pool):
            return pool[int(rnd() * len(pool))]

        pod = self.podcasts[choices(self.pod_ids, cum_weights=self.pod_cum)[0]]
        fr = rnd() < pod["french"]

        # Guests, hosts and the entity list (guests first, their organizations, hosts, then others).
        n_guests = 0 if rnd() < 0.08 else (1 if rnd() < 0.82 else 2)
        guests = []
        if n_guests:
            guests = list(dict.fromkeys(choices(V.people_by_rank, cum_weights=V.people_cum, k=n_guests)))
            guests = [g for g in guests if g not in pod["hosts"]]
        hosts = pod["hosts"] if rnd() < 0.88 else []
        n_items = 6 + int(rnd() * 6) + int(rnd() * 6)  # 6..16, peaked in the middle
        listed = list(guests)
        for g in guests:
            if rnd() < 0.6:
                listed.append(V.link[g])
        listed.extend(hosts)
        listed.extend(choices(V.by_rank, cum_weights=V.cum, k=n_items))
        listed.append(choices(V.concepts_by_rank, cum_weights=V.concepts_cum)[0])
        listed.append(choices(V.softs_by_rank, cum_weights=V.softs_cum)[0])
        listed = list(dict.fromkeys(listed))[:n_items]

        pools = {KIND_PERSON: [], KIND_ORG: [], KIND_SOFT: [], KIND_PROD: [], KIND_CONC: []}
        for e in listed:
            pools[kind[e]].append(e)
        people = pools[KIND_PERSON] or list(pod["hosts"])
        orgs = pools[KIND_ORG] or [choices(V.orgs_by_rank, cum_weights=V.orgs_cum)[0]]
        softs = (pools[KIND_SOFT] + pools[KIND_PROD]) or [choices(V.softs_by_rank, cum_weights=V.softs_cum)[0]]
        concepts = pools[KIND_CONC] or [choices(V.concepts_by_rank, cum_weights=V.concepts_cum)[0]]
        # Entities named in the text but not in the list.
        x_org = choices(V.orgs_by_rank, cum_weights=V.orgs_cum)[0]
        x_soft = choices(V.softs_by_rank, cum_weights=V.softs_cum)[0]
        x_conc = choices(V.concepts_by_rank, cum_weights=V.concepts_cum)[0]
        x_person = choices(V.people_by_rank, cum_weights=V.people_cum)[0]

        def two(pool, extra):
            # Two different entities: mostly from the pool, sometimes the text-only extra.
            n = len(pool)
            a = pool[int(rnd() * n)] if rnd() < 0.9 else extra
            if n == 1:
                return a, (extra if a != extra else pool[0])
            b = pool[int(rnd() * n)] if rnd() < 0.9 else extra
            if b == a:
                b = pool[(pool.index(a) + 1) % n] if a in pool else pool[0]
            return a, b

        speaker = people[0]
        guest_e = guests[0] if guests else speaker
        host_e = hosts[0] if hosts else pod["hosts"][0]

        # Entity-list names are chosen first: a handle ("swyx") may start a sentence
        # only when the list shows it.
        has_list = rnd() >= 0.05
        forms = {}
        handles = {}
        if has_list:
            for e in listed:
                f = forms[e] = self.list_form(e)
                if V.akind[e] == 1 and f != name[e]:
                    handles[e] = True

        # Lazily filled template slots: only the slots a template names cost a random draw.
        def resolve(table, key, canonical):
            form = name.__getitem__ if canonical else text_form
            if key == "P" or key == "Q":
                a, b = two(people, x_person)
                table["P"] = name[a].split()[0] if canonical else text_form(a, handles)
                table["Q"] = form(b)
                return table[key]
            elif key == "S" or key == "S2":
                a, b = two(softs, x_soft)
                table["S"], table["S2"] = form(a), form(b)
                return table[key]
            elif key == "C" or key == "C2":
                a, b = two(concepts, x_conc)
                table["C"], table["C2"] = form(a), form(b)
                return table[key]
            elif key == "O":
                v = form(pick(orgs) if rnd() < 0.9 else x_org)
            elif key == "G":
                v = name[guest_e]
            elif key == "H":
                v = text_form(host_e)
                if "Q" not in table and not canonical:  # the other person is not the host
                    others = [p for p in people if p != host_e] or [x_person]
                    table["Q"] = text_form(pick(others))
            else:
                raise KeyError(key)
            table[key] = v
            return v

        slots = Slots(resolve, False)
        canon = Slots(resolve, True)

        def fill(template, table):
            if "{" not in template:
                return template
            table.clear()
            text = template.format_map(table).replace("..", ".")
            return text if fr else text.replace("s's ", "s' ")

        # Title: a lead, two statistics (unique per episode), a tail, guests.
        j = (i * self.A + self.B) % self.M
        S = self.S
        if fr:
            s1, s2 = self.stats_fr[j // S], self.stats_fr[j % S]
            lead, tail = fill(pick(TITLE_LEADS_FR), canon), fill(pick(TITLE_TAILS_FR), canon)
        else:
            s1, s2 = self.stats_en[j // S], self.stats_en[j % S]
            lead, tail = fill(pick(TITLE_LEADS_EN), canon), fill(pick(TITLE_TAILS_EN), canon)
        shape = rnd()
        if fr:
            core = f"{lead} : {s1}, {s2} et {tail}" if shape < 0.7 else f"{s1}, {s2} : {lead}"
        else:
            core = (f"{lead}: {s1}, {s2}, & {tail}" if shape < 0.45 else
                    f"{lead}: {s1}, {s2}, and {tail}" if shape < 0.7 else
                    f"{s1}, {s2}: {lead}")
        form = rnd()
        if guests and form < 0.07 and not fr:
            title = f"{lead}: {name[guests[0]]} on {s1}, {s2} and {tail}"  # "Title: Guest on Topic"
        elif guests and form < 0.12:
            title = f"{pick(EMOJI[:2])}{name[guests[0]]} - {core}"  # "⚡️ Guest - Title"
        elif guests:
            with_org = rnd() < 0.4
            parts = []
            for g in guests:
                if with_org:
                    o = V.link[g]
                    parts.append(f"{name[g]}, {V.plain[o] if V.plain[o] and rnd() < 0.5 else name[o]}")
                else:
                    parts.append(name[g])
            title = core + ("— " if rnd() < 0.06 else " — ") + " & ".join(parts)
        else:
            title = core
        if rnd() < 0.1 and not title.startswith(("⚡", "🔬")):
            title = pick(EMOJI) + title

        # Header lines.
        secs = 480 + int(rnd() * 7800)
        h, rest = divmod(secs, 3600)
        m, s = divmod(rest, 60)
        duration = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
        if rnd() < 0.0004:  # a title and a duration, nothing else
            return f"{title}\n{duration}\n\n"
        date = pick(DATE_FR) if rnd() < 0.7 else pick(DATE_EN)
        head = f"{title}\n{duration}\n{pick(LANG_LINES)}\nWatch with Captions\n{pod['name']}{date}\n\n{title}\n\n"
        if rnd() < 0.004:  # metadata only: no body, no tags
            return head

        if fr:
            summaries, summary_more = SUMMARY_FR, SUMMARY_MORE_FR
            first_h, mid_h, last_h, sents, more, quotes = (HEADINGS_FIRST_FR, HEADINGS_FR, HEADINGS_LAST_FR,
                                                           SENT_FR, MORE_FR, QUOTES_FR)
        else:
            summaries, summary_more = SUMMARY_EN, SUMMARY_MORE_EN
            first_h, mid_h, last_h, sents, more, quotes = (HEADINGS_FIRST_EN, HEADINGS_EN, HEADINGS_LAST_EN,
                                                           SENT_EN, MORE_EN, QUOTES_EN)
        if not guests:
            summaries = SUMMARY_SOLO_FR if fr else SUMMARY_SOLO_EN
        out = [fill(pick(summaries), slots) + " " + pick(summary_more)]

        # Chapters.
        n_ch = 5 + int(rnd() * 5.5) + int(rnd() * 4.6)  # 5..14
        starts = sorted(int(rnd() * (secs - 30)) for _ in range(n_ch - 1))
        starts.insert(0, 0 if rnd() < 0.9 else 3 + int(rnd() * 10))
        style = int(rnd() * 3) if secs >= 3600 else 0
        quote_style = pod["quote_style"]
        for c in range(n_ch):
            t = starts[c]
            if t < 3600 or style == 0:
                stamp = f"{t // 60:02d}:{t % 60:02d}"  # minutes may pass 59: [69:45]
            elif style == 1:
                stamp = f"{t // 3600}:{t % 3600 // 60:02d}:{t % 60:02d}"
            else:
                stamp = f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"
            if c == 0:
                heading = pick(first_h)
            elif c == n_ch - 1 and rnd() < 0.5:
                heading = pick(last_h)
            else:
                heading = fill(pick(mid_h), canon)
            text = fill(pick(sents), slots)
            if rnd() < 0.2:
                text += " " + fill(pick(more), slots)
            piece = f"## [{stamp}] {heading} {text}"
            if rnd() < 0.28:
                q = fill(pick(quotes), slots)
                if quote_style == 0:
                    piece += f' > *"{q}"*'
                else:
                    piece += f" > *{q}* > *[{t // 60}, {t % 60}]*"
            out.append(piece)

        # Entity list.
        if has_list:
            lower = not fr and rnd() < 0.2
            kinds = TYPES_FR if fr else (TYPES_EN_LOWER if lower else TYPES_EN)
            alts = ALT_TYPES_FR if fr else ALT_TYPES_EN
            sep = ") : " if fr else "): "
            clauses = CLAUSES_FR if fr else CLAUSES_EN
            person_clauses = CLAUSES_PERSON_FR if fr else CLAUSES_PERSON_EN
            descs = V.desc_fr if fr else V.desc_en
            host_desc = HOST_FR if fr else HOST_EN
            items = ["## Entités" if fr else "## Entities"]
            c_name = name[concepts[0]]
            for e in listed:
                k = kind[e]
                r = rnd()
                if r < 0.1 and not lower:
                    typ = alts.get(V.sub[e], kinds[k])
                elif r < 0.13 and k in (KIND_SOFT, KIND_PROD):
                    typ = kinds[KIND_PROD if k == KIND_SOFT else KIND_SOFT]
                else:
                    typ = kinds[k]
                if e in hosts:
                    desc = pick(host_desc).replace("{POD}", pod["name"])
                else:
                    desc = descs[e]
                    clause = pick(person_clauses if k == KIND_PERSON else clauses)
                    if clause:
                        desc = f"{desc} ; {clause}" if fr else f"{desc}; {clause}"
                        if "{C}" in desc:
                            desc = desc.replace("{C}", c_name)
                if rnd() < 0.7 and desc[-1] != ".":
                    desc += "."
                items.append(f"- **{forms[e]}** ({typ}{sep}{desc}")
            out.append(" ".join(items))
        body = " ".join(out)

        if rnd() < 0.05:
            return f"{head}{body}\n\n"
        tags = [V.tag[e] for e in listed[:6] if rnd() < 0.4]
        tags.append(pick(GENERIC_TAGS))
        tags = list(dict.fromkeys(tags))[:5]
        if len(tags) < 2:
            tags.append(V.tag[concepts[0]])
        return f"{head}{body}\n\n#{'#'.join(tags)}\n"


PAGE_HEADER = "LaiDub\n\nPodcasts\n\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--episodes", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", type=int, default=1, help="split into K files OUT.0 ... OUT.K-1")
    args = ap.parse_args()
    if args.episodes < 0 or args.pages < 1:
        ap.error("--episodes must be >= 0 and --pages >= 1")

    t0 = time.perf_counter()
    c0 = time.process_time()
    gen = Generator(args.episodes, args.seed)
    N, K = args.episodes, args.pages
    paths = [args.out] if K == 1 else [f"{args.out}.{k}" for k in range(K)]
    total = 0
    episode = gen.episode
    for k, path in enumerate(paths):
        begin, end = N * k // K, N * (k + 1) // K
        with open(path, "wb") as f:
            buf = [PAGE_HEADER]
            size = len(PAGE_HEADER)
            for i in range(begin, end):
                text = episode(i)
                buf.append(text)
                size += len(text)
                if size > 1 << 20:
                    data = "".join(buf).encode("utf-8")
                    f.write(data)
                    total += len(data)
                    buf, size = [], 0
            data = "".join(buf).encode("utf-8")
            f.write(data)
            total += len(data)
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(f"generate_corpus: {N} episodes, {total} bytes, {len(paths)} file(s), {dt:.2f} s "
          f"({total / 1e6 / dt if dt else 0:.1f} MB/s), cpu {cpu:.2f} s "
          f"({total / 1e6 / cpu if cpu else 0:.1f} MB/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
