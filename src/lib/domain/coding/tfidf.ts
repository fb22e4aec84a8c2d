/*
 * TF-IDF over sparse vectors. A vector is a map from term to weight, normalised to length 1 so
 * that the cosine of two vectors is their dot product.
 */

export type Vector = Map<string, number>;

/** How rare each term is in the corpus: log((1 + n) / (1 + df)) + 1, as scikit-learn smooths it. */
export function inverseDocumentFrequency(
	documents: Iterable<readonly string[]>
): Map<string, number> {
	const df = new Map<string, number>();
	let n = 0;
	for (const terms of documents) {
		n++;
		for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
	}
	const idf = new Map<string, number>();
	for (const [t, count] of df) idf.set(t, Math.log((1 + n) / (1 + count)) + 1);
	return idf;
}

/** Terms unseen in the corpus get the weight of a term seen in no document. */
export function vectorize(terms: readonly string[], idf: Map<string, number>, unseen = 1): Vector {
	const tf = new Map<string, number>();
	for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
	const vector: Vector = new Map();
	for (const [t, count] of tf) vector.set(t, count * (idf.get(t) ?? unseen));
	return normalize(vector);
}

export function normalize(vector: Vector): Vector {
	let sum = 0;
	for (const w of vector.values()) sum += w * w;
	if (sum === 0) return vector;
	const length = Math.sqrt(sum);
	for (const [t, w] of vector) vector.set(t, w / length);
	return vector;
}

/** Adds `weight` × b into a (in place). */
export function addInto(a: Vector, b: Vector, weight = 1): Vector {
	for (const [t, w] of b) a.set(t, (a.get(t) ?? 0) + w * weight);
	return a;
}

/** Cosine similarity of two normalised vectors; iterates over the smaller one. */
export function cosine(a: Vector, b: Vector): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let dot = 0;
	for (const [t, w] of small) {
		const other = large.get(t);
		if (other !== undefined) dot += w * other;
	}
	return dot;
}
