# Rare-label apparel subset: every folder kept; brown (3 folders x 4), white (4 x 2) and shirt (3 x 3) made rare,
# other folders capped at 80. Test: 40 unseen images of every folder.
import os, random
D = os.path.join(os.path.abspath(os.environ.get("MULTILABEL_DATASETS", os.path.join(os.path.dirname(__file__), "../../../shared/datasets"))), "apparel")
rare = {"brown": 4, "white": 2, "shirt": 3}
rnd = random.Random(7)
train, test = [], []
for folder in sorted(os.listdir(D)):
    files = sorted(os.listdir(f"{D}/{folder}")); rnd.shuffle(files)
    labels = folder.split("_")
    k = min([rare[l] for l in labels if l in rare], default=80)
    train += [(f"{D}/{folder}/{f}", labels) for f in files[:k]]
    test += [(f"{D}/{folder}/{f}", labels) for f in files[k:k + 40]]
for name, rows in [("rare-train.csv", train), ("rare-test.csv", test)]:
    with open(name, "w") as out:
        out.write("path,labels\n")
        for p, l in rows: out.write(f"{p},{';'.join(l)}\n")
    print(name, len(rows))
