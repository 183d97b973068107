// Small canvases whose problems follow from format.md alone, so the tests that use them do not
// depend on which fixtures exist.

/** One segment, named by nothing: unserved-segment, segment-without-relationship, empty blocks. */
export const LONELY_SEGMENT = `canvas: business-model
title: Lonely segment
customer-segments:
  - id: riders
    name: Urban riders
`;

/** Two cards with one id. */
export const DUPLICATE_ID = `canvas: business-model
title: Duplicate ids
customer-segments:
  - id: riders
    name: Urban riders
  - id: riders
    name: Night riders
value-propositions:
  - name: Fast pickup
    segments: [riders]
`;
