import TolkText

extension Glossary {
    /// Problems in the glossary itself: empty concepts and terms, a term listed twice, one term
    /// preferred in two concepts, a concept without a preferred term in a language it covers.
    public func validate() -> [Finding] {
        let path = source ?? "<glossary>"
        var findings: [Finding] = []
        func report(_ rule: String, _ severity: Finding.Severity, _ message: String, at key: String, concept: String) {
            let position = positions[key] ?? TextPosition(line: 1, column: 1)
            findings.append(
                Finding(rule: rule, severity: severity, message: message, path: path, start: position, end: position, concept: concept))
        }
        var preferredOwner: [String: String] = [:]
        var seenIDs = Set<String>()
        for concept in concepts {
            if !seenIDs.insert(concept.id).inserted {
                report("glossary-duplicate-id", .error, "concept id '\(concept.id)' is used twice", at: concept.id, concept: concept.id)
            }
            if concept.terms.isEmpty {
                report("glossary-empty", .error, "concept '\(concept.id)' has no terms", at: concept.id, concept: concept.id)
            }
            var seenTerms = Set<String>()
            for term in concept.terms {
                let key = Glossary.key(concept: concept, term: term)
                let text = term.text.trimmed()
                if text.isEmpty {
                    report("glossary-empty", .error, "an empty \(term.language) term in '\(concept.id)'", at: key, concept: concept.id)
                    continue
                }
                let folded = "\(term.language)\u{0}\(text.lowercased())"
                if !seenTerms.insert(folded).inserted {
                    report(
                        "glossary-duplicate-term", .error, "'\(text)' (\(term.language)) is listed twice in '\(concept.id)'", at: key,
                        concept: concept.id)
                }
                if term.status == .preferred {
                    if let owner = preferredOwner[folded], owner != concept.id {
                        report(
                            "glossary-preferred-twice", .error,
                            "'\(text)' (\(term.language)) is preferred in both '\(owner)' and '\(concept.id)'", at: key,
                            concept: concept.id)
                    } else {
                        preferredOwner[folded] = concept.id
                    }
                }
            }
            for language in Set(concept.terms.map(\.language)).sorted()
            where concept.terms(in: language).allSatisfy({ $0.status == .forbidden }) {
                report(
                    "glossary-no-preferred", .warning, "'\(concept.id)' has only forbidden \(language) terms", at: concept.id,
                    concept: concept.id)
            }
        }
        return findings.sorted(by: Finding.ordered)
    }
}
