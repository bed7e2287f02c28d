-- Contradictions are looked up by claim: when a new one is checked against
-- those stored for the same two speakers and subject, and when a claim is
-- deleted.
CREATE INDEX contradictions_claim_a ON contradictions(claim_a);
CREATE INDEX contradictions_claim_b ON contradictions(claim_b);
