<?xml version="1.0" encoding="UTF-8"?>
<!--
  Quotations (q, said, quote, soCalled): which are blocks, which carry their own marks, and
  which marks the stylesheet supplies for the others, alternating by nesting level.

  A quotation "carries its marks" when its text starts with an opening mark or ends with a
  closing one, or when the text just before it ends with an opening mark (“<said>…</said>”).
  Such a quotation is shown as it is: marks are never doubled. A quotation continued across
  paragraphs (@next/@prev) is judged by its first and last parts and opens and closes once.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:key name="tk:next-of" match="*[@next]" use="tk:local-ids(@next)"/>
  <xsl:key name="tk:prev-of" match="*[@prev]" use="tk:local-ids(@prev)"/>

  <!-- Characters that open a quotation (the straight quote and apostrophe included: a text that
       starts with one is taken to carry its marks), and those that close one. The right single
       quote is left out of the closing set: at the end of a word it is mostly an apostrophe. -->
  <xsl:variable name="tk:opening-marks" as="xs:string">“‘„‚«»‹›"'「『‟‛</xsl:variable>
  <xsl:variable name="tk:closing-marks" as="xs:string">”“»«›‹"」』</xsl:variable>

  <xsl:function name="tk:is-quotation" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::q or self::said or self::quote or self::soCalled]
                                   [not(self::said[@direct = 'false'])])"/>
  </xsl:function>

  <!-- A quotation displayed as a block: it holds paragraphs or verse, it stands directly in a
       division, it is the quote of a block citation, or its @rend says so. -->
  <xsl:function name="tk:is-block-quotation" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::q or self::quote or self::said][
        *[self::p or self::lg or self::l or self::list or self::table or self::sp or self::ab
          or self::floatingText or self::div]
        or tk:rend-tokens(@rend) = ('block', 'blockquote', 'display')
        or (parent::cit and tk:is-block-cit(parent::cit))
        or (not(parent::cit) and tk:is-block-container(parent::*))])"/>
  </xsl:function>

  <xsl:function name="tk:is-block-cit" as="xs:boolean">
    <xsl:param name="cit" as="element()"/>
    <xsl:sequence select="tk:is-block-container($cit/parent::*)
        or exists($cit/quote/*[self::p or self::lg or self::l or self::list or self::sp])
        or tk:rend-tokens($cit/@rend) = ('block', 'blockquote', 'display')"/>
  </xsl:function>

  <!-- A quotation that is the whole content of another one (<quote><soCalled>x</soCalled></quote>):
       the outer one supplies the marks. -->
  <xsl:function name="tk:is-transparent" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="exists($q/parent::*[tk:is-quotation(.)])
        and empty($q/../node()[not(. is $q)]
                  [not(self::text()[not(normalize-space())] or self::comment() or self::processing-instruction())])"/>
  </xsl:function>

  <!-- The first and last parts of a quotation continued by @next/@prev (itself when alone). -->
  <xsl:function name="tk:chain-first" as="element()">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="tk:chain-walk($q, 'prev', 50)"/>
  </xsl:function>

  <xsl:function name="tk:chain-last" as="element()">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="tk:chain-walk($q, 'next', 50)"/>
  </xsl:function>

  <xsl:function name="tk:chain-step" as="element()?">
    <xsl:param name="q" as="element()"/>
    <xsl:param name="direction" as="xs:string"/>
    <xsl:sequence select="if ($direction = 'prev')
        then (tk:pointed($q/@prev), $q/@xml:id/key('tk:next-of', string(.), root(.)))[1]
        else (tk:pointed($q/@next), $q/@xml:id/key('tk:prev-of', string(.), root(.)))[1]"/>
  </xsl:function>

  <xsl:function name="tk:chain-walk" as="element()">
    <xsl:param name="q" as="element()"/>
    <xsl:param name="direction" as="xs:string"/>
    <xsl:param name="budget" as="xs:integer"/>
    <xsl:variable name="step" select="tk:chain-step($q, $direction)"/>
    <xsl:sequence select="if (exists($step) and not($step is $q) and $budget gt 0)
                          then tk:chain-walk($step, $direction, $budget - 1) else $q"/>
  </xsl:function>

  <xsl:function name="tk:first-char" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="substring(replace($s, '^\s+', ''), 1, 1)"/>
  </xsl:function>

  <xsl:function name="tk:last-char" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="t" select="replace($s, '\s+$', '')"/>
    <xsl:sequence select="substring($t, string-length($t))"/>
  </xsl:function>

  <!-- The text just before / after an element, looking out through inline parents it starts / ends. -->
  <xsl:function name="tk:text-before" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="p" select="$e/preceding-sibling::node()[not(self::comment())][1]"/>
    <xsl:sequence select="if ($p instance of text() and normalize-space($p)) then string($p)
        else if (empty($p) and $e/parent::* and not(tk:is-block-container($e/parent::*))
                 and not($e/parent::p)) then tk:text-before($e/parent::*)
        else ''"/>
  </xsl:function>

  <xsl:function name="tk:text-after" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="f" select="$e/following-sibling::node()[not(self::comment())][1]"/>
    <xsl:sequence select="if ($f instance of text() and normalize-space($f)) then string($f)
        else if (empty($f) and $e/parent::* and not(tk:is-block-container($e/parent::*))
                 and not($e/parent::p)) then tk:text-after($e/parent::*)
        else ''"/>
  </xsl:function>

  <xsl:function name="tk:carries-marks" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="first" select="tk:chain-first($q)"/>
    <xsl:variable name="last" select="tk:chain-last($q)"/>
    <xsl:sequence select="contains($tk:opening-marks, tk:first-char(string($first)))
                          and tk:first-char(string($first)) ne ''
        or contains($tk:opening-marks, tk:last-char(tk:text-before($first)))
           and tk:last-char(tk:text-before($first)) ne ''
        or contains($tk:closing-marks, tk:last-char(string($last))) and tk:last-char(string($last)) ne ''
        or contains($tk:closing-marks, tk:first-char(tk:text-after($last)))
           and tk:first-char(tk:text-after($last)) ne ''"/>
  </xsl:function>

  <!-- Whether the stylesheet supplies marks for this quotation (part). -->
  <xsl:function name="tk:needs-marks" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="tk:is-quotation($q) and not(tk:is-block-quotation($q))
        and not(tk:is-transparent($q)) and not(tk:carries-marks($q))"/>
  </xsl:function>

  <!-- Nesting level of an inline quotation: 0 outermost (or first inside a block quotation). -->
  <xsl:function name="tk:quote-level" as="xs:integer">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="block" select="$q/ancestor::*[tk:is-block-quotation(.)][1]"/>
    <xsl:sequence select="count(($q/ancestor::* except $block/ancestor-or-self::*)
        [tk:is-quotation(.)][not(tk:is-block-quotation(.))][not(tk:is-transparent(.))])"/>
  </xsl:function>

  <!-- The (opening, closing) marks for a language and a nesting level. Override by import to
       change a house style. -->
  <xsl:function name="tk:marks" as="xs:string+">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:variable name="l" select="lower-case(substring-before($lang || '-', '-'))"/>
    <xsl:variable name="pairs" as="xs:string+" select="
        if ($l = ('de', 'ger', 'deu')) then ('„', '“', '‚', '‘')
        else if ($l = ('fr', 'fre', 'fra')) then ('«&#x202F;', '&#x202F;»', '‹&#x202F;', '&#x202F;›')
        else ('“', '”', '‘', '’')"/>
    <xsl:sequence select="if ($level mod 2 = 0) then $pairs[position() le 2] else $pairs[position() gt 2]"/>
  </xsl:function>

  <!-- The mark to put before / after this quotation part: '' when none is due. -->
  <xsl:function name="tk:open-mark" as="xs:string">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="if (tk:needs-marks($q) and empty(tk:chain-step($q, 'prev')))
                          then tk:marks(tk:lang($q), tk:quote-level($q))[1] else ''"/>
  </xsl:function>

  <xsl:function name="tk:close-mark" as="xs:string">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="if (tk:needs-marks($q) and empty(tk:chain-step($q, 'next')))
                          then tk:marks(tk:lang($q), tk:quote-level($q))[2] else ''"/>
  </xsl:function>

</xsl:stylesheet>
