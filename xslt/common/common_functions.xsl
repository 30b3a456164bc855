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
       There it is inline wherever its parent stands, so that no word is split over lines. -->
  <xsl:function name="tk:in-running-text" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/../text()[normalize-space()])"/>
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
       digit on both sides with no white space between means one word broken there (light<lb/>house). -->
  <xsl:function name="tk:break-joins" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:variable name="before" select="tk:char-before($break)"/>
    <xsl:variable name="after" select="tk:char-after($break)"/>
    <xsl:sequence select="if ($break/@break = 'no') then true()
        else if (normalize-space($break/@break)) then false()
        else matches($before, '^[\p{L}\p{N}]$') and matches($after, '^[\p{L}\p{N}]$')"/>
  </xsl:function>

  <!-- Whether white space stands right before / after a break, or the break is at the start /
       end of its block (where the block itself keeps words apart). -->
  <xsl:function name="tk:break-spaced" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="tk:char-before($break) = ('', ' ') or tk:char-after($break) = ('', ' ')"/>
  </xsl:function>

  <!-- Whether a break stands before the first or after the last word of its block (a line
       break there breaks nothing: the block's edge does). -->
  <xsl:function name="tk:break-at-edge" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:variable name="block" select="tk:enclosing-block($break)"/>
    <xsl:sequence select="empty($break/preceding::text()[normalize-space()][tk:in-block-text(., $block)][1][. >> $block])
        or empty($break/following::text()[normalize-space()][tk:in-block-text(., $block)][1][ancestor::* intersect $block])"/>
  </xsl:function>

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

  <!-- A text node is the block's own text unless a note inside the block holds it. -->
  <xsl:function name="tk:in-block-text" as="xs:boolean">
    <xsl:param name="t" as="node()"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:sequence select="empty($t/ancestor::note except $block/ancestor-or-self::note)"/>
  </xsl:function>

  <!-- The character of the block's text right before / after an element ('' at the block's
       edge, ' ' for any white space); notes are not the text around a break. -->
  <xsl:function name="tk:char-before" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="block" select="tk:enclosing-block($e)"/>
    <xsl:variable name="t" select="$e/preceding::text()[tk:in-block-text(., $block)][1][. >> $block]"/>
    <xsl:sequence select="if (empty($t)) then '' else replace(substring($t, string-length($t)), '\s', ' ')"/>
  </xsl:function>

  <xsl:function name="tk:char-after" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="block" select="tk:enclosing-block($e)"/>
    <xsl:variable name="t" select="$e/following::text()[tk:in-block-text(., $block)][1][ancestor::* intersect $block]"/>
    <xsl:sequence select="if (empty($t)) then '' else replace(substring($t, 1, 1), '\s', ' ')"/>
  </xsl:function>

  <xsl:function name="tk:enclosing-block" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/ancestor::*[self::p or self::ab or self::l or self::head or self::item or self::cell
        or self::note or self::speaker or self::stage or self::label or tk:is-block-container(.)][1]"/>
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
