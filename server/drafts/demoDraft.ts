import { htmlToDraftState } from './htmlToDraftState.ts';

/**
 * Copydesk's demo story, shipped with the product so that a fresh install has
 * something to edit. Invented (the city, the people and the figures), but
 * written like real council copy, with every kind of block and mark the
 * schema has, so a demo shows them all.
 */
export const DEMO_DRAFT_TITLE = 'Council passes leaner budget after late-night vote on library hours';

export const DEMO_DRAFT_HTML = `
<h1>${DEMO_DRAFT_TITLE}</h1>
<p data-type="standfirst">Marlow Falls councillors approved a £212m spending plan by seven votes to four, restoring Sunday opening at branch libraries but pushing two road schemes back a year.</p>
<p>Marlow Falls city council passed its budget for the coming year shortly before midnight on Tuesday, after a five-hour session in which an amendment to keep branch libraries open on Sundays was carried by a single vote. The final vote split largely along party lines, although one member of the ruling group abstained.</p>
<p>The <strong>£212m plan</strong> raises council tax by 3.9 per cent, below the 4.99 per cent the finance committee had proposed in January. Officers said the gap would be closed by delaying the resurfacing of Quarry Lane and the new junction at Mill Cross until the following year.</p>
<p>During public questions, a resident accused the council’s highways contractor, Dalby Surfacing, of billing twice for the same repairs on Quarry Lane. The firm did not respond to a request for comment before publication.</p>
<h2>Libraries win a reprieve</h2>
<p>The library amendment, tabled by councillor Ruth Okafor, moves £640,000 from the highways reserve to pay for Sunday opening at the four branch libraries, which had been due to close at weekends from April.</p>
<blockquote><p>“People told us the library is the only warm place they can sit on a Sunday without spending money. We could not vote to lock that door,” Okafor said during the debate.</p></blockquote>
<p>Opposition councillors called the move <em>short-sighted</em>, arguing that the delayed road repairs would cost more when they are eventually carried out.</p>
<aside data-type="pull-quote">“We could not vote to lock that door.”</aside>
<h2>What changes in April</h2>
<p>Under the budget approved on Tuesday:</p>
<ul>
<li><p>Council tax on a band D home rises by £71 a year.</p></li>
<li><p>Branch libraries keep Sunday opening, from 10am to 4pm.</p></li>
<li><p>Quarry Lane and Mill Cross works move to the following financial year.</p></li>
<li><p>Green waste collection stays free for a further twelve months.</p></li>
</ul>
<p>The council’s finance director, Paul Hendry, told members the reserves remained above the minimum level set by auditors, but warned that a second year of delays to capital works “would start to show on the roads”.</p>
<p>The full budget papers and a recording of the meeting are published on the <a href="https://example.org/marlow-falls/council/budget">council’s website</a>. The new rates take effect on 1 April.</p>
`;

/** A new draft's state holding the demo story; each call gives an independent draft. */
export function demoDraftState(): Uint8Array {
  return htmlToDraftState(DEMO_DRAFT_HTML).state;
}
