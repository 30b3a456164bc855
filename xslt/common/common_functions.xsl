<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions every target shares: what the edition added, identifiers and pointers, languages,
  block containers. The labels a page or a text prints are in common_labels.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- White space between the blocks of these containers is layout, not text (they hold no
       running text of their own). Not openers and closers: their words may stand among
       elements (<closer>votre <w>toute</w> <w>dévouée</w></closer>), and the space between
       two of them is a word's end. -->
  <xsl:strip-space elements="TEI teiCorpus text front body back group div div1 div2 div3 div4 div5
      div6 div7 titlePage docTitle lg sp list listBibl table row castList castGroup figure
      floatingText cit epigraph argument postscript"/>

  <xsl:key name="tk:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- True for an element whose content the edition supplied: corr, reg, supplied and the
       edition's own notes (note[@subtype='added']); the same rule as teikit.reading. -->
  <xsl:function name="tk:is-added" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::corr or self::reg or self::supplied
                                     or self::note[@subtype = 'added']])"/>
  </xsl:function>

  <!-- The language in scope (xml:lang of the element or its nearest ancestor), or ''. -->
  <xsl:function name="tk:lang" as="xs:string">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="string(($e/ancestor-or-self::*/@xml:lang)[last()])"/>
  </xsl:function>

  <!-- The ids a pointer attribute names locally: '#a #b' gives ('a', 'b'). -->
  <xsl:function name="tk:local-ids" as="xs:string*">
    <xsl:param name="pointers" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($pointers), ' ')[starts-with(., '#')]
                          return substring($t, 2)"/>
  </xsl:function>

  <!-- An element's xml:id when it is the first element with that id (a document may repeat one:
       it is published with a warning, and the page gives the id to the first only, so that a
       link goes where the pointer's first target is and no two elements share an id). -->
  <xsl:function name="tk:own-id" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/@xml:id[key('tk:id', string(.), root(.))[1] is $e] ! string(.)"/>
  </xsl:function>

  <!-- The element a local pointer ('#id') names in the same document, if any. -->
  <xsl:function name="tk:pointed" as="element()*">
    <xsl:param name="pointers" as="attribute()?"/>
    <xsl:sequence select="for $id in tk:local-ids($pointers)
                          return key('tk:id', $id, root($pointers))"/>
  </xsl:function>

  <!-- Who a @resp names, for a reader: the name of the respStmt, person or editor it points at
       (its first name), else the pointer without its '#'. -->
  <xsl:function name="tk:resp-names" as="xs:string*">
    <xsl:param name="resp" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($resp), ' ')
        return (for $e in (if (starts-with($t, '#')) then key('tk:id', substring($t, 2), root($resp))[1] else ())
                return (($e/(name | persName | orgName | forename | surname))[1], $e)[1] ! tk:plain-text(.),
                replace($t, '^#', ''))[.][1]"/>
  </xsl:function>

  <!-- A division, numbered or not. -->
  <xsl:function name="tk:is-div" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::div or self::div1 or self::div2 or self::div3 or self::div4
                                     or self::div5 or self::div6 or self::div7])"/>
  </xsl:function>

  <!-- Elements whose children stand as blocks (divisions, line groups, speeches...): a note
       that is their child stands where it is; one inside a paragraph or a line is a footnote. -->
  <xsl:function name="tk:is-block-container" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e[self::text or self::front or self::body or self::back
        or self::group or self::div or self::div1 or self::div2 or self::div3 or self::div4
        or self::div5 or self::div6 or self::div7 or self::lg or self::sp or self::titlePage
        or self::castList or self::castGroup or self::floatingText or self::figure
        or self::listBibl or self::closer or self::opener or self::postscript
        or self::argument or self::epigraph or self::TEI or self::teiCorpus])"/>
  </xsl:function>

  <!-- Registers: lists of persons, places, organisations, events, names, objects, and their
       entries (a place may hold places, a list lists). In a text (a back matter's register) they
       are shown as the lists they are, never as running text. -->
  <xsl:function name="tk:is-register" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e[self::listPerson or self::listPlace or self::listOrg or self::listEvent
                                     or self::listNym or self::listObject or self::listRelation])"/>
  </xsl:function>

  <xsl:function name="tk:is-entry" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e[self::person or self::personGrp or self::persona or self::place or self::org
                                     or self::event or self::nym or self::object or self::relation])"/>
  </xsl:function>

  <!-- Whether an element stands as a block (a child of a block container, of a note, of a
       docTitle...) rather than inside running text: a stage direction, a title-page part, a
       bibliographic entry are either. -->
  <xsl:function name="tk:stands-as-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="(tk:is-block-container($e/parent::*)
        or exists($e/parent::*[self::note or self::docTitle or self::listBibl or self::sourceDesc]))
        and (not(tk:in-running-text($e)) or tk:is-letter-part($e))"/>
  </xsl:function>

  <!-- Whether an element stands in running text: its parent has text of its own around it
       (<closer>Yours <w>ever</w>, Ann</closer>, <note>see <bibl>Smith</bibl>, p. 4</note>).
       There it is inline wherever its parent stands, so that no word is split over lines. Text
       in a division (which TEI does not allow) counts only beside the element: a division of
       thousands of blocks is not read again for each of them. -->
  <xsl:function name="tk:in-running-text" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists(($e/preceding-sibling::node()[1], $e/following-sibling::node()[1])
                                 [self::text()][normalize-space()])
        or empty($e/parent::*[tk:is-div(.) or self::body or self::front or self::back or self::text or self::group])
           and exists($e/../text()[normalize-space()])"/>
  </xsl:function>

  <!-- The parts of a letter's opener or closer that stand on a line of their own even among
       text (Yours truly,<signed>Ann</signed>). -->
  <xsl:function name="tk:is-letter-part" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::salute or self::signed or self::dateline or self::address]
                                   [parent::opener or parent::closer])"/>
  </xsl:function>

  <!-- Word boundaries at a page, column or line break (pb, cb, lb). @break="no": the break is
       inside a word, which it never splits (white space around it is layout, not text). Without
       @break, the text decides: white space on either side keeps the words apart; a letter or
       digit on both sides with no white space between means one word broken there (light<lb/>house).
       A break standing between blocks (a child of a division) touches no word. -->
  <xsl:function name="tk:break-joins" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="$break/@break = 'no'
        or not(normalize-space($break/@break)) and not(tk:between-blocks($break)) and tk:break-sides($break) = 'letters'"/>
  </xsl:function>

  <!-- Whether the output must put a space where a page or column break stands: between two
       words that nothing else keeps apart, when the break is not inside a word. -->
  <xsl:function name="tk:break-needs-space" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="not($break/@break = 'no') and not(tk:between-blocks($break))
        and (let $sides := tk:break-sides($break)
             return $sides = 'other' or $sides = 'letters' and normalize-space($break/@break))"/>
  </xsl:function>

  <!-- A break standing between blocks (a child of a division, not among words). -->
  <xsl:function name="tk:between-blocks" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="tk:is-break-block($break/parent::*) and not(tk:in-running-text($break))"/>
  </xsl:function>

  <!-- What stands on either side of a break: 'spaced' (white space or the block's edge on a
       side), 'letters' (a letter or digit on both sides), else 'other' (a word and a mark).
       White space right beside it, the common case, is seen without looking further. -->
  <xsl:function name="tk:break-sides" as="xs:string">
    <xsl:param name="break" as="element()"/>
    <xsl:variable name="p" select="$break/preceding-sibling::node()[1]"/>
    <xsl:variable name="f" select="$break/following-sibling::node()[1]"/>
    <xsl:sequence select="
        if ($p instance of text() and not(normalize-space(substring($p, string-length($p))))
            or $f instance of text() and not(normalize-space(substring($f, 1, 1)))) then 'spaced'
        else let $before := tk:char-before($break), $after := tk:char-after($break)
        return if ($before = ('', ' ') or $after = ('', ' ')) then 'spaced'
               else if (matches($before || $after, '^[\p{L}\p{N}]{2}$')) then 'letters' else 'other'"/>
  </xsl:function>

  <!-- Whether a break stands before the first or after the last word of its block (a line
       break there breaks nothing: the block's edge does). -->
  <xsl:function name="tk:break-at-edge" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="tk:nothing-before($break) or tk:nothing-after($break)"/>
  </xsl:function>

  <xsl:function name="tk:nothing-before" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="empty($e/preceding-sibling::node()[not(self::note)][normalize-space()])
        and (tk:is-break-block($e/parent::*) or tk:nothing-before($e/parent::*))"/>
  </xsl:function>

  <xsl:function name="tk:nothing-after" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="empty($e/following-sibling::node()[not(self::note)][normalize-space()])
        and (tk:is-break-block($e/parent::*) or tk:nothing-after($e/parent::*))"/>
  </xsl:function>

  <!-- Whether the document breaks a word anywhere (templates for the text next to such breaks
       are tried only then: every text node is matched against them). -->
  <xsl:variable name="tk:breaks-in-words" as="xs:boolean" select="exists(//(lb | pb | cb)[@break = 'no'])"/>

  <!-- A text node next to a break inside a word (a sibling lb, pb or cb with @break="no"), and
       that text without the white space on the break's side. -->
  <xsl:function name="tk:next-to-break-no" as="xs:boolean">
    <xsl:param name="t" as="node()"/>
    <xsl:sequence select="exists(($t/preceding-sibling::node()[1], $t/following-sibling::node()[1])
                                 [self::lb or self::pb or self::cb][@break = 'no'])"/>
  </xsl:function>

  <xsl:function name="tk:trim-at-breaks" as="xs:string">
    <xsl:param name="t" as="node()"/>
    <xsl:variable name="s" select="if ($t/following-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no'])
                                   then replace($t, '\s+$', '') else string($t)"/>
    <xsl:sequence select="if ($t/preceding-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no'])
                          then replace($s, '^\s+', '') else $s"/>
  </xsl:function>

  <!-- The character of the block's text right before / after an element ('' at the block's
       edge, ' ' for any white space), found through its neighbours and out through the inline
       elements it stands in, never further than its block; notes are not the text around it. -->
  <xsl:function name="tk:char-before" as="xs:string">
    <xsl:param name="e" as="node()"/>
    <xsl:variable name="p" select="$e/preceding-sibling::node()[not(self::comment() or self::processing-instruction()
                                                                     or self::note)][1]"/>
    <xsl:variable name="t" select="if ($p instance of element()) then $p/descendant::text()[not(ancestor::note[. >> $p])][last()]
                                   else $p"/>
    <xsl:sequence select="
        if (exists($t) and string($t)) then replace(substring($t, string-length($t)), '\s', ' ')
        else if (exists($p)) then tk:char-before($p)
        else if (tk:is-break-block($e/parent::*) or empty($e/parent::*)) then ''
        else tk:char-before($e/parent::*)"/>
  </xsl:function>

  <xsl:function name="tk:char-after" as="xs:string">
    <xsl:param name="e" as="node()"/>
    <xsl:variable name="f" select="$e/following-sibling::node()[not(self::comment() or self::processing-instruction()
                                                                     or self::note)][1]"/>
    <xsl:variable name="t" select="if ($f instance of element()) then $f/descendant::text()[not(ancestor::note[. >> $f])][1]
                                   else $f"/>
    <xsl:sequence select="
        if (exists($t) and string($t)) then replace(substring($t, 1, 1), '\s', ' ')
        else if (exists($f)) then tk:char-after($f)
        else if (tk:is-break-block($e/parent::*) or empty($e/parent::*)) then ''
        else tk:char-after($e/parent::*)"/>
  </xsl:function>

  <!-- The elements a break's neighbours are looked for in: a paragraph, a line, a heading, a
       cell, a note... and any block container. -->
  <xsl:function name="tk:is-break-block" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e[self::p or self::ab or self::l or self::head or self::item or self::cell
        or self::note or self::speaker or self::stage or self::label or tk:is-block-container(.)])"/>
  </xsl:function>

  <!-- The outermost text element a node belongs to (notes are numbered per text). -->
  <xsl:function name="tk:outer-text" as="element()?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/ancestor-or-self::text[not(ancestor::text)]"/>
  </xsl:function>

  <!-- Terminate with a clear message when an enumerated parameter has a value it does not allow.
       (A named template, not a function: a function's messages may be optimised away.) -->
  <xsl:template name="tk:check-param">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="allowed" as="xs:string+"/>
    <xsl:if test="not($value = $allowed)">
      <xsl:message terminate="yes" error-code="tk:bad-param"
          select="'parameter ' || $name || '=' || $value || ' is not one of: ' || string-join($allowed, ', ')"/>
    </xsl:if>
  </xsl:template>

  <!-- Class tokens from a free-text @rend: 'Italic small-caps' gives ('italic', 'small-caps'). -->
  <xsl:function name="tk:rend-tokens" as="xs:string*">
    <xsl:param name="rend" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(lower-case(normalize-space($rend)), '[\s,;]+')[.]
                          return replace($t, '[^a-z0-9\-]', '')[.]"/>
  </xsl:function>

  <!-- The child of a choice shown for the current reading (corr: corr, reg, expan; sic: sic,
       orig, abbr), else its first child. -->
  <xsl:function name="tk:choice-shown" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="(if ($reading = 'sic') then $choice/(sic | orig | abbr)
                           else $choice/(corr | reg | expan), $choice/*)[1]"/>
  </xsl:function>

  <!-- A plain-text rendering (titles, contents, index forms, tooltips): no notes, the reading
       the parameter asks for. -->
  <xsl:mode name="tk:plain" on-no-match="text-only-copy"/>
  <xsl:template match="note" mode="tk:plain"/>
  <xsl:template match="choice" mode="tk:plain">
    <xsl:apply-templates select="tk:choice-shown(.)" mode="tk:plain"/>
  </xsl:template>

  <xsl:function name="tk:plain" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="text">
      <xsl:apply-templates select="$nodes" mode="tk:plain"/>
    </xsl:variable>
    <xsl:sequence select="string($text)"/>
  </xsl:function>

  <!-- The plain text of an element, white space collapsed. -->
  <xsl:function name="tk:plain-text" as="xs:string">
    <xsl:param name="e" as="node()*"/>
    <xsl:sequence select="normalize-space(string-join(tk:plain($e)))"/>
  </xsl:function>

</xsl:stylesheet>
