# Writes seeded ~20% holdout / rest label files (path,labels with ';') with absolute paths into /work/shared/datasets.
import csv, os, random, sys
D = os.path.abspath(os.environ.get("MULTILABEL_DATASETS", os.path.join(os.path.dirname(__file__), "../../../shared/datasets")))
def scenes():
    rows = []
    with open(f"{D}/scenes/miml_labels_1.csv") as f:
        r = csv.reader(f); head = next(r)
        for row in r:
            labels = [head[i] for i in range(1, len(head)) if row[i].strip() == "1"]
            rows.append((f"{D}/scenes/images/{row[0]}", labels))
    return rows
def apparel():
    rows = []
    for folder in sorted(os.listdir(f"{D}/apparel")):
        for name in sorted(os.listdir(f"{D}/apparel/{folder}")):
            rows.append((f"{D}/apparel/{folder}/{name}", folder.split("_")))
    return rows
def write(rows, path):
    with open(path, "w") as f:
        f.write("path,labels\n")
        for p, l in rows: f.write(f"{p},{';'.join(l)}\n")
for name, rows in [("scenes", scenes()), ("apparel", apparel())]:
    for seed in (1, 2):
        rnd = random.Random(seed); idx = list(range(len(rows))); rnd.shuffle(idx)
        n = round(0.2 * len(rows)); hold = sorted(idx[:n]); rest = sorted(idx[n:])
        write([rows[i] for i in hold], f"{name}-s{seed}-holdout.csv")
        write([rows[i] for i in rest], f"{name}-s{seed}-rest.csv")
        print(name, seed, len(hold), len(rest))
